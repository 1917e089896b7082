package io.hyperx.subscription.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Lifecycle settings: grace period length, dunning retry days (counted from the failed renewal), how often the
 * due-date table is swept, and how many free trials a fan may have of one creator's tiers.
 */
@ConfigurationProperties("hyperx.subscription")
public record SubscriptionSettings(int graceDays, List<Integer> retryDays, Duration sweepInterval, int sweepBatch,
                                   int trialsPerCreator) {

    public SubscriptionSettings {
        graceDays = graceDays <= 0 ? 7 : graceDays;
        retryDays = retryDays == null ? List.of(1, 3, 5) : List.copyOf(retryDays);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        sweepBatch = sweepBatch <= 0 ? 50 : sweepBatch;
        trialsPerCreator = trialsPerCreator <= 0 ? 1 : trialsPerCreator;
    }
}
