package io.hyperx.economy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.app.HyperxApplication;
import io.hyperx.economy.application.EconomySweeper;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.testsupport.WithFreshPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context for every economy integration test (same annotations: Spring caches it): the running app with
 * a clock the tests move, the economy sweeper left to the tests (it runs only when a test calls it), payments played
 * by the offline Stripe simulator through the signed webhook path.
 */
@SpringBootTest(classes = HyperxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.forward-headers-strategy=native",
                "hyperx.identity.argon2-memory-kib=1024",
                "hyperx.identity.argon2-iterations=1",
                "hyperx.identity.admin.email=" + EconomyHttpSupport.ADMIN_EMAIL,
                "hyperx.identity.admin.password=" + EconomyHttpSupport.ADMIN_PASSWORD,
                "hyperx.economy.sweep-interval=1h",
                "hyperx.database.home=target/it-home"
        })
@WithFreshPostgres
@Import(EconomyHttpSupport.MovableClockConfiguration.class)
public abstract class EconomyHttpSupport {

    static final String ADMIN_EMAIL = "admin@hyperx.test";
    static final String ADMIN_PASSWORD = "Admin-Passw0rd-For-Tests";
    protected static final String PASSWORD = "correct horse battery staple";
    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CommandGateway commands;

    @Autowired
    protected EconomySweeper sweeper;

    @Autowired
    protected MovableClock clock;

    /** A clock that starts at the wall clock and that tests move forward. */
    public static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public Duration offset() {
            return offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    protected static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    /** A payment through the subscription context's public command; the simulator succeeds it by signed webhook. */
    protected PaymentId pay(UUID payer, UUID creator, long minor) {
        PaymentId payment = PaymentId.random();
        commands.sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.PRODUCT_PURCHASE, UUID.randomUUID(),
                payer, creator, usd(minor), "pm_card_visa"));
        return payment;
    }

    protected Response send(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.header("X-Forwarded-For", randomIp());
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = !isJson || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    protected Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    protected Response put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Registers a bank account (a provider token; the simulator takes its last 4 digits) as payout destination. */
    protected JsonNode registerBank(Session creator) {
        Response response = post("/api/v1/creators/payouts/destinations",
                body("type", "bank_account", "token", "btok_test_6789"), creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    /** A payment of {@code grossMinor} to the creator, its hold released: its net is available. */
    protected JsonNode fundedAndReleased(Session creator, long grossMinor, long expectedNetMinor) {
        pay(UUID.randomUUID(), creator.id(), grossMinor);
        awaitBalance(creator, b -> minor(b, "pending") == expectedNetMinor, "net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        return awaitBalance(creator, b -> minor(b, "available") == expectedNetMinor, "hold released");
    }

    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    protected static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    protected static Map<String, Object> money(long minor) {
        return body("amountMinor", minor, "currency", "USD");
    }

    protected Session register(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response response = post("/api/v1/auth/register",
                body("email", email, "password", PASSWORD, "displayName", "Test " + role, "role", role));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Session(UUID.fromString(response.json().path("id").asText()),
                response.json().path("accessToken").asText());
    }

    protected Session admin() {
        Response response = post("/api/v1/auth/login", body("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return new Session(UUID.fromString(response.json().path("account").path("id").asText()),
                response.json().path("accessToken").asText());
    }

    /** The USD balance of a creator ({@code asOf} may be null), as the endpoint answers it. */
    protected JsonNode usdBalance(Session creator, Instant asOf) {
        Response response = get("/api/v1/creators/balance" + (asOf == null ? "" : "?asOf=" + asOf), creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        for (JsonNode balance : response.json().path("balances")) {
            if (balance.path("currency").asText().equals("USD")) {
                return balance;
            }
        }
        return JSON.createObjectNode();
    }

    protected static long minor(JsonNode balance, String field) {
        return balance.path(field).path("amountMinor").asLong(0);
    }

    protected JsonNode awaitBalance(Session creator, Predicate<JsonNode> condition, String what) {
        return await(what, () -> usdBalance(creator, null), condition);
    }

    /** Waits until economy's reactions scheduled a job of {@code kind} for the creator. */
    protected void awaitJob(UUID creatorId, String kind) {
        await(kind + " job", () -> jdbc.queryForObject(
                "SELECT count(*) FROM economy.scheduled_job WHERE creator_id = ? AND kind = ? AND done_at IS NULL",
                Long.class, creatorId, kind), count -> count > 0);
    }


    protected record Session(UUID id, String accessToken) {
        public String[] auth() {
            return new String[]{"Authorization", "Bearer " + accessToken};
        }

        public String[] auth(String... more) {
            String[] all = new String[2 + more.length];
            all[0] = "Authorization";
            all[1] = "Bearer " + accessToken;
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }

    protected record Response(int status, JsonNode json, String raw) {
        public String code() {
            return json.path("code").asText();
        }
    }
}
