package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

/**
 * Balances in one currency; {@code receivable} is what the creator owes the platform (refunds beyond the available
 * balance, repaid from later earnings first); lifetime gross and net count payments minus refunds.
 */
public record CurrencyBalance(String currency, Money available, Money pending, Money reserved, Money receivable,
                              Money lifetimeGross, Money lifetimeNet) {
}
