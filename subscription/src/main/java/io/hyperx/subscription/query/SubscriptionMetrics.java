package io.hyperx.subscription.query;

import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Business gauges from the subscription views: payments by status ({@code hyperx_payments}, so the payment success
 * rate is SUCCEEDED / (SUCCEEDED + FAILED)) and subscriptions by status ({@code hyperx_subscriptions}, churn being
 * the growth of EXPIRED and CANCELLED). Refreshed on a schedule so a scrape runs no query.
 */
@Component
class SubscriptionMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge payments;
    private final MultiGauge subscriptions;

    SubscriptionMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.payments = MultiGauge.builder("hyperx.payments").description("Payments by status").register(meters);
        this.subscriptions = MultiGauge.builder("hyperx.subscriptions").description("Subscriptions by status")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${hyperx.health.metrics-interval:15s}",
            fixedDelayString = "${hyperx.health.metrics-interval:15s}")
    void refresh() {
        payments.register(rows("SELECT status, count(*) FROM subscription.payment_view GROUP BY status",
                Arrays.stream(PaymentStatus.values()).map(Enum::name).toArray(String[]::new)), true);
        subscriptions.register(rows("SELECT status, count(*) FROM subscription.subscription_view GROUP BY status",
                Arrays.stream(SubscriptionStatus.values()).map(Enum::name).toArray(String[]::new)), true);
    }

    private java.util.List<MultiGauge.Row<?>> rows(String sql, String... statuses) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return Arrays.stream(statuses)
                .<MultiGauge.Row<?>>map(status -> MultiGauge.Row.of(Tags.of("status", status),
                        counts.getOrDefault(status, 0L)))
                .toList();
    }
}
