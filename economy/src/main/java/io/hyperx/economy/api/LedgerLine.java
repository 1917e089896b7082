package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** One posting to a creator account, with the account's balance after it. */
public record LedgerLine(UUID entryId, String kind, String account, Side side, Money amount, Money runningBalance,
                         Instant occurredAt) {
}
