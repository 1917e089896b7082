package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;

/** A payout was accepted: {@code amount} moved from available to reserved; the creator receives amount - fee. */
public record PayoutRequested(WalletId walletId, JournalEntry entry, PayoutId payoutId, Money amount, Money fee,
        Instant occurredAt) implements LedgerEvent {
}
