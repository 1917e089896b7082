package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;

/**
 * How a gross payment is divided: the processor fee (the payment's own when known, else the estimate
 * {@code bps + fixed}), the platform fee and the charity share (basis points of the gross, allocated together by
 * {@link Money#split(int...)}), and the rest to the creator. The parts always sum exactly to the gross and none is
 * negative: on tiny payments the fees are capped by what is left, in that order.
 */
public final class PaymentSplitPolicy {

    private PaymentSplitPolicy() {
    }

    public record Parts(Money processorFee, Money platformFee, Money charity, Money net) {

        public Money total() {
            return processorFee.plus(platformFee).plus(charity).plus(net);
        }
    }

    public static Parts split(Money gross, Money knownProcessorFee, int processorFeeBps, long processorFeeFixedMinor,
                              int platformFeeBps, int charityBps) {
        if (gross.signum() <= 0) {
            throw new IllegalArgumentException("a payment's gross must be positive: " + gross);
        }
        Money estimate = knownProcessorFee != null ? knownProcessorFee
                : gross.split(processorFeeBps).part(0).plus(new Money(processorFeeFixedMinor, gross.currency()));
        Money processorFee = clamp(estimate, gross);
        Money.Split shares = gross.split(platformFeeBps, charityBps);
        Money platformFee = clamp(shares.part(0), gross.minus(processorFee));
        Money charity = clamp(shares.part(1), gross.minus(processorFee).minus(platformFee));
        Money net = gross.minus(processorFee).minus(platformFee).minus(charity);
        return new Parts(processorFee, platformFee, charity, net);
    }

    private static Money clamp(Money value, Money max) {
        if (value.signum() < 0) {
            return Money.zero(value.currency());
        }
        return value.isGreaterThan(max) ? max : value;
    }
}
