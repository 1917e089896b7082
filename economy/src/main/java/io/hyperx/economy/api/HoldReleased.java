package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;

import java.time.Instant;

/** The hold on a payment's net ended: what is left of it moved from pending to available. */
public record HoldReleased(WalletId walletId, JournalEntry entry, PaymentId paymentId, Money amount,
        Instant occurredAt) implements LedgerEvent {
}
