package io.hyperx.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL 17 under {@code <home>/pgdata}. The first process to need it starts it and stops it on
 * close; a second process (a CLI command while the server runs) attaches to the running one instead. When its
 * postmaster dies (killed, crashed), {@link #restartIfStopped()} starts it again on the same data directory, where
 * PostgreSQL's crash recovery replays the write-ahead log.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration CHILDREN_EXIT_WAIT = Duration.ofSeconds(5);

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres owned;
    private ProcessHandle postmaster;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port, Path dataDirectory) {
        this.owned = owned;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.postmaster = postmasterOf(dataDirectory).orElse(null);
    }

    static EmbeddedDatabase startOrAttach(Path home, int port) throws IOException {
        Path dataDirectory = home.resolve("pgdata").toAbsolutePath();
        if (Files.exists(dataDirectory.resolve("postmaster.pid")) && acceptsConnections(port)) {
            return new EmbeddedDatabase(null, port, dataDirectory);
        }
        Files.createDirectories(dataDirectory.getParent());
        return new EmbeddedDatabase(start(dataDirectory, port), port, dataDirectory);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    String description() {
        return "embedded PostgreSQL 17 on port " + port + (owned == null ? " (attached to the running one)" : "")
                + ", data in " + dataDirectory;
    }

    /** Starts PostgreSQL again when its postmaster is gone; true when it did. */
    synchronized boolean restartIfStopped() throws IOException {
        if (closed || postmaster != null && postmaster.isAlive() || jvmShuttingDown()) {
            return false;
        }
        log.warn("The embedded PostgreSQL (postmaster {}) is gone; starting it again on {}",
                postmaster == null ? "unknown" : postmaster.pid(), dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres previous = owned;
        owned = null;
        if (previous != null) {
            // releases zonky's lock on the data directory; its pg_ctl stop finds no server and logs that
            Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            previous.close();
        }
        owned = start(dataDirectory, port);
        postmaster = postmasterOf(dataDirectory).orElse(null);
        log.warn("The embedded PostgreSQL runs again (postmaster {}) after {} ms",
                postmaster == null ? "unknown" : postmaster.pid(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Whether the JVM is shutting down: zonky's own shutdown hook then stops PostgreSQL, which is no crash, and a
     * server started now would outlive the app. Only while shutting down does the JVM refuse a new shutdown hook.
     */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        clearLeftovers(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // crash recovery after a kill replays the write-ahead log before the server accepts connections
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky starts PostgreSQL with fsync and synchronous_commit off (fine for tests); an acknowledged
                // write must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .start();
    }

    /**
     * After a postmaster was killed, its backends and auxiliary processes may still run and hold the old shared
     * memory, and its {@code postmaster.pid} stays behind: both would stop a new postmaster. They are recognised by
     * their working directory, the data directory (Linux {@code /proc}); elsewhere only the stale file is removed.
     */
    private static void clearLeftovers(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || postmasterOf(dataDirectory).isPresent()) {
            return;
        }
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> workingDirectoryIs(process, dataDirectory))
                .toList();
        if (!leftovers.isEmpty()) {
            log.warn("Killing {} process(es) left behind by the dead postmaster in {}", leftovers.size(),
                    dataDirectory);
            leftovers.forEach(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + CHILDREN_EXIT_WAIT.toNanos();
            while (leftovers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(20));
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** The live postmaster named by the data directory's {@code postmaster.pid}, if any. */
    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> workingDirectoryIs(process, dataDirectory)
                            || !Files.isDirectory(Path.of("/proc")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean workingDirectoryIs(ProcessHandle process, Path directory) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
            return cwd.equals(directory.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
