package io.hyperx.notification.webhook;

import io.hyperx.notification.NotificationHttpSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSRF guard in production mode (the default: this context sets no development flag): registration refuses
 * loopback, private and link-local hosts and plain http with a 422 problem, and the sender refuses to connect to an
 * endpoint whose host resolves to loopback at send time (as after a DNS change).
 */
class WebhookSsrfIT extends NotificationHttpSupport {

    @Autowired
    WebhookSecrets secrets;

    @Test
    void registrationRefusesNonPublicHostsAndPlainHttp() {
        Session creator = register("creator");
        record Case(String url, String code) {
        }
        List<Case> cases = List.of(
                new Case("https://127.0.0.1/hooks", "webhook_url_forbidden_address"),
                new Case("https://localhost/hooks", "webhook_url_forbidden_address"),
                new Case("https://[::1]:8443/hooks", "webhook_url_forbidden_address"),
                new Case("https://10.0.0.8/hooks", "webhook_url_forbidden_address"),
                new Case("https://192.168.1.20/hooks", "webhook_url_forbidden_address"),
                new Case("https://169.254.169.254/latest/meta-data", "webhook_url_forbidden_address"),
                new Case("http://93.184.215.14/hooks", "webhook_url_not_https"),
                new Case("http://127.0.0.1:9000/hooks", "webhook_url_not_https"));
        for (Case c : cases) {
            Response response = post("/api/v1/creators/webhooks",
                    body("url", c.url(), "eventTypes", List.of(WebhookEventTypes.PAYMENT_SUCCEEDED)), creator.auth());
            assertThat(response.status()).as(c.url() + ": " + response.raw()).isEqualTo(422);
            assertThat(response.code()).as(c.url()).isEqualTo(c.code());
            assertThat(response.json().path("detail").asText()).as(c.url()).isNotBlank();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.webhook_endpoint WHERE creator_id = ?",
                Long.class, creator.id())).isZero();
    }

    @Test
    void theSenderRefusesAHostThatNowResolvesToLoopback() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session creator = register("creator");
            UUID endpoint = UUID.randomUUID();
            String https = receiver.url().replace("http://127.0.0.1", "https://localhost");
            jdbc.update("""
                            INSERT INTO notification.webhook_endpoint (id, creator_id, url, event_types, secret, status,
                                                                       created_at)
                            VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                    endpoint, creator.id(), https, new String[]{WebhookEventTypes.PAYMENT_SUCCEEDED},
                    secrets.encrypt(secrets.generate()), new Timestamp(System.currentTimeMillis()));
            Response test = post("/api/v1/creators/webhooks/" + endpoint + "/test", null, creator.auth());
            assertThat(test.status()).as(test.raw()).isEqualTo(202);

            dispatcher.dispatchDue();

            assertThat(receiver.received).isEmpty();
            Response deliveries = get("/api/v1/creators/webhooks/" + endpoint + "/deliveries", creator.auth());
            var attempt = deliveries.json().path("data").get(0).path("attempts").get(0);
            assertThat(attempt.path("outcome").asText()).isEqualTo("RETRY");
            assertThat(attempt.path("responseBody").asText()).startsWith("refused:").contains("non-public address");
        }
    }
}
