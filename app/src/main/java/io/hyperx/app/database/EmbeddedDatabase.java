package io.hyperx.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL 17 under {@code <home>/pgdata}. The first process to need it starts it and stops it on
 * close; a second process (a CLI command while the server runs) attaches to the running one instead.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres owned;
    private final int port;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port, Path dataDirectory) {
        this.owned = owned;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedDatabase startOrAttach(Path home, int port) throws IOException {
        Path dataDirectory = home.resolve("pgdata").toAbsolutePath();
        if (Files.exists(dataDirectory.resolve("postmaster.pid")) && acceptsConnections(port)) {
            return new EmbeddedDatabase(null, port, dataDirectory);
        }
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky starts PostgreSQL with fsync and synchronous_commit off (fine for tests); an acknowledged
                // write must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        return new EmbeddedDatabase(postgres, port, dataDirectory);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    String description() {
        return "embedded PostgreSQL 17 on port " + port + (owned == null ? " (attached to the running one)" : "")
                + ", data in " + dataDirectory;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
