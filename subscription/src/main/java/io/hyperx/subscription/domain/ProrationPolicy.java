package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;

import java.time.Duration;
import java.time.Instant;

/**
 * An upgrade charges the price difference for the unused rest of the period: the difference is allocated between
 * the remaining and the elapsed seconds of the period (exact, largest remainder), and the remaining share is charged.
 * A cheaper or equal target charges nothing.
 */
public final class ProrationPolicy {

    private ProrationPolicy() {
    }

    public static Money upgradeCharge(Money currentPrice, Money newPrice, Instant periodStart, Instant periodEnd,
                                      Instant now) {
        Money difference = newPrice.minus(currentPrice);
        if (difference.signum() <= 0 || !now.isBefore(periodEnd)) {
            return Money.zero(newPrice.currency());
        }
        Instant from = now.isBefore(periodStart) ? periodStart : now;
        long remaining = Duration.between(from, periodEnd).toSeconds();
        long elapsed = Duration.between(periodStart, from).toSeconds();
        if (remaining + elapsed == 0) {
            return Money.zero(newPrice.currency());
        }
        return difference.allocate(remaining, elapsed).get(0);
    }

    /** A move to a more expensive tier (or, at the same price, a higher rank) is an upgrade. */
    public static boolean isUpgrade(Money currentPrice, int currentRank, Money newPrice, int newRank) {
        int byPrice = newPrice.compareTo(currentPrice);
        return byPrice > 0 || (byPrice == 0 && newRank > currentRank);
    }
}
