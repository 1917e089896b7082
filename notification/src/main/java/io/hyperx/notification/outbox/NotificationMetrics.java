package io.hyperx.notification.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Counter {@code hyperx.notifications} (Prometheus {@code hyperx_notifications_total}) by channel and outcome:
 * {@code delivered}, {@code retry}, {@code gave_up}, {@code failed} (permanent failure), {@code suppressed}. Every
 * series exists from the start (at zero), so rates and alerts see it before the first notification.
 */
@Component
class NotificationMetrics {

    static final String NAME = "hyperx.notifications";
    static final List<String> OUTCOMES = List.of("delivered", "retry", "gave_up", "failed", "suppressed");

    NotificationMetrics(MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            OUTCOMES.forEach(outcome -> counter(meters, channel, outcome));
        }
    }

    static void count(MeterRegistry meters, Channel channel, String outcome) {
        counter(meters, channel, outcome).increment();
    }

    private static io.micrometer.core.instrument.Counter counter(MeterRegistry meters, Channel channel,
                                                                 String outcome) {
        return meters.counter(NAME, "channel", channel.name().toLowerCase(Locale.ROOT), "outcome", outcome);
    }
}
