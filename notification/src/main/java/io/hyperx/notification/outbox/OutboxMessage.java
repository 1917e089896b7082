package io.hyperx.notification.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored outbox row as a sender sees it; {@code attempts} counts this attempt. */
public record OutboxMessage(UUID id, String idempotencyKey, Channel channel, String recipient, String category,
                            String template, Map<String, Object> data, int attempts, Instant createdAt) {
}
