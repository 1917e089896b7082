package io.hyperx.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.notification.NotificationHttpSupport;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook helpers over the one notification test app (webhooks in development mode, a 1 s webhook horizon). */
abstract class WebhookHttpSupport extends NotificationHttpSupport {

    static final Duration MAX_DELAY = Duration.ofMillis(40);
    static final Duration HORIZON = Duration.ofSeconds(1);
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    record Registered(UUID id, String secret, JsonNode json) {
    }

    Registered registerEndpoint(Session creator, String url, String... eventTypes) {
        Response response = post("/api/v1/creators/webhooks", body("url", url, "eventTypes", List.of(eventTypes)),
                creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Registered(UUID.fromString(response.json().path("id").asText()),
                response.json().path("secret").asText(), response.json());
    }

    JsonNode deliveries(Session creator, UUID endpoint) {
        Response response = get("/api/v1/creators/webhooks/" + endpoint + "/deliveries", creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    String outboxStatus(String key) {
        List<String> found = jdbc.queryForList("SELECT status FROM notification.outbox WHERE idempotency_key = ?",
                String.class, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** True when the request carries a {@code HyperX-Signature} valid for {@code secret} now. */
    boolean signedWith(WebhookReceiver.Received request, String secret) {
        return WebhookSignature.verify(request.header(WebhookSignature.HEADER), request.body(), secret, TOLERANCE,
                clock.instant());
    }

    JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
