package io.hyperx.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after attempt n the next one waits a random time in
 * [0, min(maxDelay, baseDelay * 2^(n-1))]; none once that would fall after the horizon.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration ceiling(NotificationSettings.Retry retry, int attempts) {
        long base = Math.max(1, retry.baseDelay().toMillis());
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long grown = base > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base << doublings;
        return Duration.ofMillis(Math.min(grown, retry.maxDelay().toMillis()));
    }

    /** When to try again after {@code attempts} attempts, or empty when the horizon is reached. */
    static Optional<Instant> next(NotificationSettings.Retry retry, int attempts, Instant createdAt, Instant now,
                                  RandomGenerator random) {
        Instant next = now.plusMillis(random.nextLong(ceiling(retry, attempts).toMillis() + 1));
        return next.isAfter(createdAt.plus(retry.horizon())) ? Optional.empty() : Optional.of(next);
    }
}
