package io.hyperx.app.cli;

import io.hyperx.app.HyperxApplication;
import io.hyperx.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hyperx replay --all} against a database a server has filled and left: every projection table comes back
 * with the same rows.
 */
@Timeout(180)
class ReplayCommandIT {

    private final TestPostgres.Database database = TestPostgres.newDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(
            new DriverManagerDataSource(database.url(), database.user(), database.password()));

    @AfterEach
    void clearSettings() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    @Test
    void replayAllRebuildsEveryProjectionToTheSameRows() throws Exception {
        try (ConfigurableApplicationContext server = startServer()) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            for (int i = 0; i < 5; i++) {
                register(port, "replay-" + i + "@example.com", i % 2 == 0 ? "fan" : "creator");
            }
            awaitProjected(5);
        }
        List<Map<String, Object>> before = accountViewRows();

        System.setProperty("spring.datasource.url", database.url());
        System.setProperty("spring.datasource.username", database.user());
        System.setProperty("spring.datasource.password", database.password());
        int exitCode = HyperxCommand.execute("replay", "--all");

        assertThat(exitCode).isZero();
        assertThat(before).hasSize(5);
        assertThat(accountViewRows()).isEqualTo(before);
    }

    private ConfigurableApplicationContext startServer() {
        return new SpringApplicationBuilder(HyperxApplication.class).run(
                "--server.port=0",
                "--hyperx.rate-limits.register.capacity=100",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password());
    }

    private static void register(int port, String email, String role) throws Exception {
        String body = """
                {"email": "%s", "password": "a long enough passphrase 42", "displayName": "Replay", "role": "%s"}"""
                .formatted(email, role);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/api/v1/auth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void awaitProjected(int accounts) throws InterruptedException {
        for (int attempt = 0; attempt < 200 && accountViewRows().size() < accounts; attempt++) {
            Thread.sleep(50);
        }
    }

    private List<Map<String, Object>> accountViewRows() {
        return jdbc.queryForList("SELECT * FROM identity.account_view ORDER BY 1");
    }
}
