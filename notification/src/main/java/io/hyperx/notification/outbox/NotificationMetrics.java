package io.hyperx.notification.outbox;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * Counter {@code hyperx.notifications} (Prometheus {@code hyperx_notifications_total}) by channel and outcome:
 * {@code delivered}, {@code retry}, {@code gave_up}, {@code failed} (permanent failure), {@code suppressed}.
 */
final class NotificationMetrics {

    static final String NAME = "hyperx.notifications";

    private NotificationMetrics() {
    }

    static void count(MeterRegistry meters, Channel channel, String outcome) {
        meters.counter(NAME, "channel", channel.name().toLowerCase(Locale.ROOT), "outcome", outcome).increment();
    }
}
