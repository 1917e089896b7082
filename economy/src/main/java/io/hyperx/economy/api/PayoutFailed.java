package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;

/** The provider could not pay: the reserved amount went back to available. */
public record PayoutFailed(WalletId walletId, JournalEntry entry, PayoutId payoutId, Money amount, String reason,
        Instant occurredAt) implements LedgerEvent {
}
