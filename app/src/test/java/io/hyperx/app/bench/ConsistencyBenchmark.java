package io.hyperx.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.app.HyperxApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./hyperx bench --consistency}: write-to-visible lag on one node over {@code -Dbench.pairs} (10,000)
 * create-then-read pairs. A creator creates a published post (201) and reads it back at once with
 * {@code GET /api/v1/posts/{id}}; the lag is the time from the 201 to the read's answer (the read waits for the
 * projection under the read-your-writes contract), and a read that does not answer 200 is a miss. A second phase
 * measures the projection's own lag without the contract: an anonymous reader polls every millisecond until the post
 * appears. Prints a table and writes it into {@code docs/performance.md}. Not part of {@code verify}.
 */
class ConsistencyBenchmark {

    private static final String START = "<!-- consistency:start -->";
    private static final String END = "<!-- consistency:end -->";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int port;

    @Test
    void measure() throws Exception {
        int pairs = Integer.getInteger("bench.pairs", 10_000);
        int polled = Math.min(pairs, Integer.getInteger("bench.polledPairs", 1_000));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "300").start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(HyperxApplication.class).run(
                     "--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                     "--hyperx.identity.argon2-memory-kib=1024", "--hyperx.identity.argon2-iterations=1",
                     "--hyperx.database.home=target/bench-home", "--logging.level.root=WARN")) {
            port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = register();
            for (int i = 0; i < 200; i++) {
                createThenRead(token, i);
            }
            long[] contract = new long[pairs];
            int misses = 0;
            for (int i = 0; i < pairs; i++) {
                long lag = createThenRead(token, i);
                misses += lag < 0 ? 1 : 0;
                contract[i] = Math.abs(lag);
            }
            long[] projection = new long[polled];
            for (int i = 0; i < polled; i++) {
                projection[i] = createThenPoll(token, i);
            }
            String table = table(pairs, contract, misses, polled, projection);
            System.out.println(table);
            Path docs = Path.of("..", "docs", "performance.md");
            if (Files.exists(docs)) {
                Files.writeString(docs, document(Files.readString(docs), table));
            }
        }
    }

    /** Nanoseconds from the write's 201 to the read's answer; negative when the read missed the write. */
    private long createThenRead(String token, int i) throws Exception {
        String id = create(token, i);
        long written = System.nanoTime();
        HttpResponse<String> read = send("GET", "/api/v1/posts/" + id, token, null);
        long lag = System.nanoTime() - written;
        return read.statusCode() == 200 ? lag : -lag;
    }

    /** Nanoseconds from the write's 201 until an anonymous reader (no contract) first sees the post. */
    private long createThenPoll(String token, int i) throws Exception {
        String id = create(token, i);
        long written = System.nanoTime();
        while (send("GET", "/api/v1/posts/" + id, null, null).statusCode() != 200) {
            Thread.sleep(1);
        }
        return System.nanoTime() - written;
    }

    private String create(String token, int i) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/creators/posts", token, Map.of("title", "Post " + i,
                "body", "Body " + i, "visibility", Map.of("type", "public"), "publish", true));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).path("id").asText();
    }

    private String register() throws Exception {
        HttpResponse<String> registered = send("POST", "/api/v1/auth/register", null, Map.of(
                "email", "bench-" + UUID.randomUUID() + "@example.test", "password", "correct horse battery staple",
                "displayName", "Bench creator", "role", "creator"));
        JsonNode json = JSON.readTree(registered.body());
        return json.path("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String table(int pairs, long[] contract, int misses, int polled, long[] projection) {
        return """
                Run %s on %d cores; command: `./hyperx bench --consistency` (pairs: %,d; `HYPERX_BENCH_PAIRS`).

                | One node, create post then read it | pairs | p50 ms | p99 ms | max ms | reads that missed their write |
                |---|---:|---:|---:|---:|---:|
                | read at once (read-your-writes contract) | %,d | %.2f | %.2f | %.2f | %d |
                | anonymous poll every 1 ms (projection lag, no contract) | %,d | %.2f | %.2f | %.2f | n/a |
                """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), pairs, pairs,
                at(contract, 0.50), at(contract, 0.99), at(contract, 1.0), misses, polled, at(projection, 0.50),
                at(projection, 0.99), at(projection, 1.0));
    }

    private static double at(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1e6;
    }

    private static String document(String existing, String table) {
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        if (start < 0 || end < start) {
            return existing + System.lineSeparator() + "## Read-your-writes (write-to-visible lag)"
                    + System.lineSeparator() + System.lineSeparator() + START + System.lineSeparator() + table + END
                    + System.lineSeparator();
        }
        return existing.substring(0, start + START.length()) + System.lineSeparator() + table
                + existing.substring(end);
    }
}
