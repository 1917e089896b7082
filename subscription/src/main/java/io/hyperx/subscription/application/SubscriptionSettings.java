package io.hyperx.subscription.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Lifecycle settings: grace period length, dunning retry days (counted from the failed renewal), and how often the
 * due-date table is swept.
 */
@ConfigurationProperties("hyperx.subscription")
public record SubscriptionSettings(int graceDays, List<Integer> retryDays, Duration sweepInterval, int sweepBatch) {

    public SubscriptionSettings {
        graceDays = graceDays <= 0 ? 7 : graceDays;
        retryDays = retryDays == null ? List.of(1, 3, 5) : List.copyOf(retryDays);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        sweepBatch = sweepBatch <= 0 ? 50 : sweepBatch;
    }
}
