package io.hyperx.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of this test JVM. Embedded (zonky, PostgreSQL 17) by default; a Testcontainers
 * PostgreSQL when {@code -Dhyperx.test.postgres=container} is given and Docker is available.
 */
public final class TestPostgres {

    public static final String MODE_PROPERTY = "hyperx.test.postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database on the shared server and answers how to reach it. */
    public static Database newDatabase() {
        Server shared = server();
        String name = "hyperx_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(shared.adminUrl(), shared.user(), shared.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Database(shared.urlOf(name), shared.user(), shared.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = "container".equals(System.getProperty(MODE_PROPERTY))
                    ? ContainerServer.start()
                    : EmbeddedServer.start();
        }
        return server;
    }

    /** Where a test database lives. */
    public record Database(String url, String user, String password) {
    }

    interface Server {
        String adminUrl();

        String urlOf(String database);

        String user();

        String password();
    }
}
