package io.hyperx.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * After a failed renewal the fan keeps access for {@code gracePeriod}; payment is retried after each of the
 * {@code retryDelays} (counted from the failure) that falls inside the grace period. Both are configuration.
 */
public record GracePeriodPolicy(Duration gracePeriod, List<Duration> retryDelays) {

    public GracePeriodPolicy {
        if (gracePeriod.isNegative() || gracePeriod.isZero()) {
            throw new IllegalArgumentException("grace period must be positive");
        }
        retryDelays = retryDelays.stream().sorted().toList();
    }

    public static GracePeriodPolicy ofDays(int graceDays, List<Integer> retryDays) {
        return new GracePeriodPolicy(Duration.ofDays(graceDays),
                retryDays.stream().map(Duration::ofDays).toList());
    }

    public Instant graceEndsAt(Instant failedAt) {
        return failedAt.plus(gracePeriod);
    }

    public List<Instant> retryTimes(Instant failedAt) {
        Instant end = graceEndsAt(failedAt);
        return retryDelays.stream().map(failedAt::plus).filter(end::isAfter).toList();
    }
}
