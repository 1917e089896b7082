package io.hyperx.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff retry = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(retry.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.ceiling(500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterSpreadsTheWaitBetweenZeroAndTheCeiling() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = Duration.between(now, retry.next(4, now, now, random).orElseThrow()).toMillis();
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
        assertThat(retry.next(2, created, created.plus(Duration.ofMinutes(9)), random)).isPresent();
        assertThat(retry.next(2, created, created.plus(Duration.ofMinutes(10)).plusMillis(1), random))
                .isEmpty();
    }
}
