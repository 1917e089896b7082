package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;

/** A payout is positive, at least the configured minimum, and never more than the available balance. */
public final class PayoutPolicy {

    private PayoutPolicy() {
    }

    public static void check(Money amount, Money available, Money minimum) {
        if (amount.signum() <= 0) {
            throw EconomyProblem.unprocessable("invalid_amount", "A payout must be positive.");
        }
        if (amount.isLessThan(minimum)) {
            throw EconomyProblem.unprocessable("below_payout_minimum",
                    "The smallest payout is " + minimum + ".");
        }
        if (amount.isGreaterThan(available)) {
            throw new InsufficientFunds(amount, available);
        }
    }

    /** More than the available balance was asked for; the problem states the available amount. */
    public static final class InsufficientFunds extends EconomyProblem {

        private final Money available;

        InsufficientFunds(Money requested, Money available) {
            super(422, "insufficient_funds", "Requested " + requested + " but only " + available
                    + " is available.");
            this.available = available;
        }

        public Money available() {
            return available;
        }
    }
}
