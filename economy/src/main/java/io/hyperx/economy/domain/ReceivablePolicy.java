package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;

/**
 * Available never goes negative: what a creator must give back beyond the available balance (a refund of a payment
 * whose hold was released) is owed through the receivable, and money that later becomes available (a released
 * hold, a failed payout's return) repays the receivable first.
 */
public final class ReceivablePolicy {

    private ReceivablePolicy() {
    }

    /** How {@code amount} is split: {@code first} as far as {@code limit} goes, the rest to the other account. */
    public record Split(Money first, Money rest) {
    }

    /** A debit of {@code amount}: from available as far as it goes (never below zero), the rest owed. */
    public static Split debit(Money amount, Money available) {
        return split(amount, available);
    }

    /** A credit of {@code amount}: repays what is {@code owed} first, the rest is available. */
    public static Split credit(Money amount, Money owed) {
        return split(amount, owed);
    }

    private static Split split(Money amount, Money limit) {
        long first = Math.min(amount.amountMinor(), Math.max(0, limit.amountMinor()));
        return new Split(new Money(first, amount.currency()), new Money(amount.amountMinor() - first, amount.currency()));
    }
}
