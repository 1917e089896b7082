package io.hyperx.testsupport;

import org.testcontainers.containers.PostgreSQLContainer;

/** A PostgreSQL 17 container, for machines with Docker ({@code -Dhyperx.test.postgres=container}). */
record ContainerServer(PostgreSQLContainer<?> container) implements TestPostgres.Server {

    @SuppressWarnings("resource")
    static ContainerServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=300");
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String adminUrl() {
        return urlOf(container.getDatabaseName());
    }

    @Override
    public String urlOf(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }
}
