package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

/** Balances in one currency; lifetime gross and net count payments minus refunds. */
public record CurrencyBalance(String currency, Money available, Money pending, Money reserved, Money lifetimeGross,
                              Money lifetimeNet) {
}
