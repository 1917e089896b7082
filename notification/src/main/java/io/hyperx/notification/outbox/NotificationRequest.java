package io.hyperx.notification.outbox;

import java.util.Map;
import java.util.Objects;

/**
 * One notification to deliver once. {@code recipient} is an account id for {@link Channel#EMAIL} and
 * {@link Channel#IN_APP} (the address is resolved at send time), a webhook endpoint id for {@link Channel#WEBHOOK}.
 * {@code idempotencyKey} derives from the source event and channel (and recipient when one event fans out):
 * {@link #key}.
 */
public record NotificationRequest(String idempotencyKey, Channel channel, String recipient, String category,
                                  String template, Map<String, Object> data) {

    public NotificationRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(template, "template");
        data = data == null ? Map.of() : data;
    }

    /** The idempotency key of a delivery: source (an event id), channel and recipient. */
    public static String key(String source, Channel channel, String recipient) {
        return source + ":" + channel + ":" + recipient;
    }
}
