package io.hyperx.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.kernel.DomainException;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.DeliveryOutcome;
import io.hyperx.notification.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSRF guard in production mode (the default). The shared test app runs webhooks in development mode (its
 * receivers are on loopback), so production mode is exercised with the app's own classes built around a production
 * guard, on the same database: registration refuses loopback, private and link-local hosts and plain http, and the
 * sender refuses an endpoint whose host resolves to loopback at send time (as after a DNS change) without
 * connecting. The HTTP mapping of a refusal (422 problem with its code) is checked through the running app.
 */
class WebhookSsrfIT extends WebhookHttpSupport {

    @Autowired
    WebhookSecrets secrets;
    @Autowired
    WebhookEndpoints devEndpoints;
    @Autowired
    ObjectMapper objectMapper;

    private final WebhookSettings productionSettings = new WebhookSettings(false, null, null, null, null);
    private final WebhookUrlGuard productionGuard = new WebhookUrlGuard(productionSettings);

    private WebhookEndpoints production() {
        return new WebhookEndpoints(jdbc, secrets, productionGuard, productionSettings, clock);
    }

    @Test
    void productionRegistrationRefusesNonPublicHostsAndPlainHttp() {
        UUID creator = register("creator").id();
        Map<String, String> cases = Map.of(
                "https://127.0.0.1/hooks", "webhook_url_forbidden_address",
                "https://localhost/hooks", "webhook_url_forbidden_address",
                "https://[::1]:8443/hooks", "webhook_url_forbidden_address",
                "https://10.0.0.8/hooks", "webhook_url_forbidden_address",
                "https://192.168.1.20/hooks", "webhook_url_forbidden_address",
                "https://169.254.169.254/latest/meta-data", "webhook_url_forbidden_address",
                "http://93.184.215.14/hooks", "webhook_url_not_https",
                "http://127.0.0.1:9000/hooks", "webhook_url_not_https");
        cases.forEach((url, code) -> assertThatThrownBy(() -> production().register(creator, url,
                List.of(WebhookEventTypes.PAYMENT_SUCCEEDED))).as(url)
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo(code);
                }));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.webhook_endpoint WHERE creator_id = ?",
                Long.class, creator)).isZero();
    }

    @Test
    void aRefusedUrlIsA422ProblemOverHttp() {
        Session creator = register("creator");
        Response response = post("/api/v1/creators/webhooks", body("url", "ftp://127.0.0.1/hooks",
                "eventTypes", List.of(WebhookEventTypes.PAYMENT_SUCCEEDED)), creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("webhook_url_not_https");
        assertThat(response.json().path("detail").asText()).contains("https");
    }

    @Test
    void theProductionSenderRefusesAHostThatNowResolvesToLoopbackOrPlainHttp() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session creator = register("creator");
            WebhookSender sender = new WebhookSender(devEndpoints, productionGuard, productionSettings,
                    objectMapper, clock);
            try {
                // registered while allowed (development), then sent by a production node
                String overHttps = receiver.url().replace("http://127.0.0.1", "https://localhost");
                UUID rebound = registerEndpoint(creator, overHttps, WebhookEventTypes.PAYMENT_SUCCEEDED).id();
                UUID plain = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED).id();

                DeliveryOutcome toLoopback = sender.send(message(rebound));
                DeliveryOutcome overHttp = sender.send(message(plain));

                assertThat(toLoopback.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
                assertThat(toLoopback.detail()).startsWith("refused:").contains("non-public address");
                assertThat(overHttp.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
                assertThat(overHttp.detail()).startsWith("refused:").contains("http");
                assertThat(receiver.received).isEmpty();
            } finally {
                sender.destroy();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboxMessage message(UUID endpoint) {
        return new OutboxMessage(UUID.randomUUID(), "ssrf:" + UUID.randomUUID(), Channel.WEBHOOK,
                endpoint.toString(), WebhookPublisher.CATEGORY, WebhookEventTypes.TEST,
                Map.of("id", UUID.randomUUID().toString(), "type", WebhookEventTypes.TEST,
                        "createdAt", clock.instant().toString(), "data", Map.of()), 1, clock.instant());
    }
}
