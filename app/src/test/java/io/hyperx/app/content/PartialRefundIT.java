package io.hyperx.app.content;

import io.hyperx.app.SharedAppContext;
import io.hyperx.app.content.ContentHttp.Account;
import io.hyperx.app.content.ContentHttp.Response;
import io.hyperx.app.projections.ProjectionReplay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.app.content.ContentHttp.usd;
import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a full refund takes a paid unlock away: a partial refund of a pay-per-view payment keeps the post readable,
 * the refund of the rest locks it, and a replay gives the same unlock rows. Same Spring context configuration as
 * {@link ContentHttpIT}, so the context is shared.
 */
@SharedAppContext
class PartialRefundIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionReplay replay;

    ContentHttp http;

    @BeforeEach
    void setUp() {
        http = new ContentHttp(port);
    }

    @Test
    void aPartialRefundKeepsThePaidPostAndAFullRefundLocksIt() throws InterruptedException {
        Account creator = http.register("creator");
        UUID post = http.post(creator, "Paid", "The paid text.", Map.of("type", "payPerView", "price", usd(1000)));
        Account fan = http.register("fan");
        String payment = http.send("POST", "/api/v1/posts/" + post + "/payments", fan,
                Map.of("paymentMethodId", "pm_card_visa")).json().path("paymentId").asText();
        await("unlocked", () -> http.get("/api/v1/posts/" + post + "/content", fan), r -> r.status() == 200);
        Account admin = admin();

        refund(admin, fan, creator, payment, 300, "PARTIALLY_REFUNDED");
        assertThat(http.get("/api/v1/posts/" + post + "/content", fan).status())
                .as("after a partial refund").isEqualTo(200);
        assertThat(http.get("/api/v1/posts/" + post + "/content", fan, "X-Payment", payment).status())
                .as("X-Payment of a partially refunded payment").isEqualTo(200);
        assertThat(unlock(payment)).containsEntry("refunded_minor", 300L).containsEntry("revoked_at", null);

        refund(admin, fan, creator, payment, 700, "REFUNDED");
        Response locked = http.get("/api/v1/posts/" + post + "/content", fan);
        assertThat(locked.status()).as("after the full refund").isEqualTo(402);
        assertThat(unlock(payment)).containsEntry("refunded_minor", 1000L);
        assertThat(unlock(payment).get("revoked_at")).isNotNull();

        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM content.unlock ORDER BY payment_id");
        replay.replay("content-access", progress -> { });
        assertThat(jdbc.queryForList("SELECT * FROM content.unlock ORDER BY payment_id")).isEqualTo(before);
    }

    /**
     * Refunds {@code amountMinor} through the simulator's signed webhook, waits for the payment's new status, then
     * for a post published afterwards to be projected: the content projection has then handled the refund too.
     */
    private void refund(Account admin, Account fan, Account creator, String payment, long amountMinor,
                        String status) {
        Response refunded = http.send("POST", "/api/v1/dev/simulator/payments/" + payment + "/refund", admin,
                Map.of("amountMinor", amountMinor));
        assertThat(refunded.status()).as(refunded.json().toString()).isEqualTo(202);
        await("payment " + status, () -> http.get("/api/v1/fans/payments/" + payment, fan),
                r -> r.json().path("status").asText().equals(status));
        http.post(creator, "Marker after " + status, "marker", Map.of("type", "public"));
    }

    private Map<String, Object> unlock(String payment) {
        return jdbc.queryForMap("SELECT refunded_minor, revoked_at FROM content.unlock WHERE payment_id = ?::uuid",
                payment);
    }

    private Account admin() {
        Response login = http.send("POST", "/api/v1/auth/login", null, Map.of("email", "admin@hyperx.test",
                "password", "Admin-Passw0rd-For-Tests"));
        assertThat(login.status()).as(login.json().toString()).isEqualTo(200);
        return new Account(UUID.fromString(login.json().path("account").path("id").asText()),
                login.json().path("accessToken").asText());
    }
}
