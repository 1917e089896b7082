package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * The configured money rules: processor fee estimate (basis points + fixed minor units) used when the payment does not
 * say, default platform fee and charity share (basis points of the gross), the hold, and the instant payout minimum
 * (major units) and fee (basis points).
 */
public record FeeSchedule(int processorFeeBps, long processorFeeFixedMinor, int platformFeeBps, int charityBps,
                          Duration hold, BigDecimal payoutMinimum, int instantPayoutFeeBps) {

    public FeeSchedule {
        requireBasisPoints(processorFeeBps);
        requireBasisPoints(platformFeeBps);
        requireBasisPoints(charityBps);
        requireBasisPoints(instantPayoutFeeBps);
        if (processorFeeFixedMinor < 0) {
            throw new IllegalArgumentException("the fixed processor fee must not be negative");
        }
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(payoutMinimum, "payoutMinimum");
    }

    /** 2.9% + 30, 5% platform, 1% charity, 7 days hold, payouts from 10.00 with a 1% instant fee. */
    public static FeeSchedule defaults() {
        return new FeeSchedule(290, 30, 500, 100, Duration.ofDays(7), new BigDecimal("10.00"), 100);
    }

    /** The payout minimum in {@code currency}'s minor units (rounded up where the currency has fewer digits). */
    public Money payoutMinimumIn(Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(payoutMinimum.setScale(digits, RoundingMode.UP).unscaledValue().longValueExact(), currency);
    }

    static void requireBasisPoints(int bps) {
        if (bps < 0 || bps > Money.BASIS_POINTS_WHOLE) {
            throw new IllegalArgumentException("basis points must be within 0..10000: " + bps);
        }
    }
}
