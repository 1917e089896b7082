package io.hyperx.app.content;

import io.hyperx.app.SharedAppContext;
import io.hyperx.app.content.ContentHttp.Account;
import io.hyperx.app.content.ContentHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hyperx.app.content.ContentHttp.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-your-writes contract over HTTP: a 2xx write answers {@code HyperX-Position}, and a read right after it
 * sees the write (the caller's own by default, another caller's with {@code HyperX-Min-Position}); a position the
 * projections cannot reach within the bound gives 503 with {@code Retry-After}, never a wrong 404. Same Spring
 * context configuration as the other HTTP tests, so the context is shared.
 */
@SharedAppContext
class ReadYourWritesIT {

    @LocalServerPort
    int port;

    ContentHttp http;

    @BeforeEach
    void setUp() {
        http = new ContentHttp(port);
    }

    @Test
    void aCreatedPostIsReadableAtOnceFiftyTimesInARow() {
        Account creator = http.register("creator");
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Response created = http.send("POST", "/api/v1/creators/posts", creator, Map.of("title", "Post " + i,
                    "body", "Hello " + i, "visibility", Map.of("type", "public"), "publish", true));
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            assertThat(created.headers().firstValue("HyperX-Position")).as("position of the write").isPresent();
            String id = created.json().path("id").asText();
            Response read = http.get("/api/v1/posts/" + id, creator);
            if (read.status() != 200) {
                misses.add(i + ": " + read.status() + " " + read.code());
            }
        }
        assertThat(misses).as("reads that did not see their own write").isEmpty();

        Response tiers = http.get("/api/v1/creators/tiers", creator);
        assertThat(tiers.status()).as("a group that handles none of the write's events has passed it too")
                .isEqualTo(200);
    }

    @Test
    void aCreatedTierIsListedAtOnceAndAnotherCallerSubscribesWithItsPosition() {
        Account creator = http.register("creator");
        Account fan = http.register("fan");
        for (int i = 0; i < 10; i++) {
            Map<String, Object> tier = new LinkedHashMap<>();
            tier.put("name", "Tier " + i);
            tier.put("description", "rank " + (i + 1));
            tier.put("price", usd(500 + i));
            tier.put("interval", "MONTHLY");
            tier.put("benefits", List.of("posts"));
            tier.put("rank", i + 1);
            tier.put("published", true);
            Response created = http.send("POST", "/api/v1/creators/tiers", creator, tier);
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            String id = created.json().path("id").asText();
            Response listed = http.get("/api/v1/creators/tiers", creator);
            assertThat(listed.json().path("data").findValuesAsText("id")).as("tiers right after creating " + id)
                    .contains(id);
            if (i == 0) {
                String position = created.headers().firstValue("HyperX-Position").orElseThrow();
                Response subscribed = http.send("POST", "/api/v1/fans/subscriptions", fan,
                        Map.of("tierId", id, "paymentMethodId", "pm_card_visa"), "HyperX-Min-Position", position);
                assertThat(subscribed.status()).as(subscribed.json().toString()).isEqualTo(201);
            }
        }
    }

    @Test
    void aPositionNotReachedWithinTheBoundAnswers503WithRetryAfter() {
        Account creator = http.register("creator");
        Response created = http.send("POST", "/api/v1/creators/posts", creator, Map.of("title", "Far",
                "body", "future", "visibility", Map.of("type", "public"), "publish", true));
        long started = System.nanoTime();
        Response read = http.get("/api/v1/posts/" + created.json().path("id").asText(), null,
                "HyperX-Min-Position", Long.toString(Long.MAX_VALUE / 2));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(read.status()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).contains("1");
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(read.code()).isEqualTo("projection_behind");
        assertThat(waitedMillis).as("waited for the bound").isGreaterThanOrEqualTo(1900);

        Response malformed = http.get("/api/v1/posts/" + created.json().path("id").asText(), null,
                "HyperX-Min-Position", "soon");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("invalid_min_position");
    }
}
