package io.hyperx.notification.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final NotificationSettings.Retry retry = new NotificationSettings.Retry(Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(Backoff.ceiling(retry, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.ceiling(retry, 3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.ceiling(retry, 6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.ceiling(retry, 500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterSpreadsTheWaitBetweenZeroAndTheCeiling() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = Duration.between(now, Backoff.next(retry, 4, now, now, random).orElseThrow()).toMillis();
            min = Math.min(min, wait);
            max = Math.max(max, wait);
        }
        assertThat(min).isBetween(0L, 800L);
        assertThat(max).isBetween(7200L, 8000L);
    }

    @Test
    void noNextAttemptOnceItWouldFallAfterTheHorizon() {
        Instant created = Instant.parse("2026-11-24T10:00:00Z");
        Random random = new Random(1);
        assertThat(Backoff.next(retry, 2, created, created.plus(Duration.ofMinutes(9)), random)).isPresent();
        assertThat(Backoff.next(retry, 2, created, created.plus(Duration.ofMinutes(10)).plusMillis(1), random))
                .isEmpty();
    }
}
