package io.hyperx.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Retries of durable work (outboxes, parked events): exponential backoff with full jitter. After attempt n the next
 * one waits a random time in [0, min(maxDelay, baseDelay * 2^(n-1))]; none once that would fall after the horizon,
 * counted from the work's creation.
 */
public record Backoff(Duration baseDelay, Duration maxDelay, Duration horizon) {

    public Duration ceiling(int attempts) {
        long base = Math.max(1, baseDelay.toMillis());
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long grown = base > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base << doublings;
        return Duration.ofMillis(Math.min(grown, maxDelay.toMillis()));
    }

    /** When to try again after {@code attempts} attempts, or empty when the horizon is reached. */
    public Optional<Instant> next(int attempts, Instant createdAt, Instant now, RandomGenerator random) {
        Instant next = now.plusMillis(random.nextLong(ceiling(attempts).toMillis() + 1));
        return next.isAfter(createdAt.plus(horizon)) ? Optional.empty() : Optional.of(next);
    }
}
