package io.hyperx.notification.webhook;

import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.NotificationOutbox;
import io.hyperx.notification.outbox.NotificationRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one event into one outbox request per subscribed endpoint of its creator, keyed by event id and endpoint, so
 * a redelivered event is stored (and sent) once. The stored data is the payload itself:
 * {@code {id, type, createdAt, data}}.
 */
@Component
class WebhookPublisher {

    static final String CATEGORY = "webhooks";

    private final NotificationOutbox outbox;
    private final WebhookEndpoints endpoints;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookPublisher(NotificationOutbox outbox, WebhookEndpoints endpoints, JdbcTemplate jdbc, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enqueues {@code type} for every endpoint of {@code creatorId} subscribed to it; answers how many were new. */
    int publish(String eventId, String type, Instant createdAt, UUID creatorId, Map<String, Object> data) {
        int stored = 0;
        for (UUID endpoint : endpoints.subscribed(creatorId, type)) {
            if (outbox.enqueue(request(eventId, type, createdAt, endpoint, data))) {
                stored++;
            }
        }
        return stored;
    }

    /** Enqueues a {@code webhook.test} event for one endpoint of the creator; answers the delivery (outbox) id. */
    @Transactional
    UUID test(UUID creatorId, UUID endpointId) {
        endpoints.find(creatorId, endpointId);
        String eventId = UUID.randomUUID().toString();
        NotificationRequest request = request(eventId, WebhookEventTypes.TEST, clock.instant(), endpointId,
                Map.of("message", "A test event sent from the HyperX dashboard."));
        outbox.enqueue(request);
        return jdbc.queryForObject("SELECT id FROM notification.outbox WHERE idempotency_key = ?", UUID.class,
                request.idempotencyKey());
    }

    private static NotificationRequest request(String eventId, String type, Instant createdAt, UUID endpoint,
                                               Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("type", type);
        payload.put("createdAt", createdAt.toString());
        payload.put("data", data);
        return new NotificationRequest(NotificationRequest.key(eventId, Channel.WEBHOOK, endpoint.toString()),
                Channel.WEBHOOK, endpoint.toString(), CATEGORY, type, payload);
    }
}
