package io.hyperx.economy.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator's balances, one per currency; {@code asOf} is {@code null} for the current ones. */
public record BalanceView(UUID creatorId, Instant asOf, List<CurrencyBalance> balances) {
}
