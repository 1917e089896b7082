package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.util.Objects;

/** One line of a journal entry: a positive amount debited or credited to a ledger account. */
public record Posting(String account, Side side, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a posting's amount must be positive: " + amount + " to " + account);
        }
    }

    public static Posting debit(String account, Money amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(String account, Money amount) {
        return new Posting(account, Side.CREDIT, amount);
    }

    /** The amount as it changes a credit-normal account (creator balances): credits add, debits subtract. */
    public long creditNormalMinor() {
        return side == Side.CREDIT ? amount.amountMinor() : -amount.amountMinor();
    }
}
