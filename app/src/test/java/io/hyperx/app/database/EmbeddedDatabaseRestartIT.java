package io.hyperx.app.database;

import io.hyperx.app.HyperxApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database configured the app runs an embedded, durable PostgreSQL whose data survives a restart. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path home;

    @Test
    void commitsAreDurableAndDataWrittenBeforeARestartIsStillThereAfterIt() throws IOException {
        int port = freePort();
        try (ConfigurableApplicationContext first = start(port)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            jdbc.execute("CREATE TABLE restart_marker AS SELECT 'kept' AS word");
        }
        try (ConfigurableApplicationContext second = start(port)) {
            String word = second.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT word FROM restart_marker", String.class);
            assertThat(word).isEqualTo("kept");
        }
        assertThat(home.resolve("pgdata/PG_VERSION")).exists();
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(HyperxApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=", "--hyperx.database.home=" + home,
                        "--hyperx.database.embedded-port=" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
