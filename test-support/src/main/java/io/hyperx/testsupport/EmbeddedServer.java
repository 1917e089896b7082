package io.hyperx.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An embedded PostgreSQL in a temporary directory, removed when the JVM exits. */
record EmbeddedServer(EmbeddedPostgres postgres) implements TestPostgres.Server {

    static EmbeddedServer start() {
        try {
            return new EmbeddedServer(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    @Override
    public String adminUrl() {
        return urlOf("postgres");
    }

    @Override
    public String urlOf(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }
}
