package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;

/** The provider paid the payout: reserved -> payouts:sent (amount - fee) and platform:fees (fee). */
public record PayoutCompleted(WalletId walletId, JournalEntry entry, PayoutId payoutId, Money amount, Money fee,
        String providerReference, Instant occurredAt) implements LedgerEvent {
}
