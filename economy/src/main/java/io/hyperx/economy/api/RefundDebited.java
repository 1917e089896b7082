package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;

import java.time.Instant;
import java.util.UUID;

/**
 * A refund reversed its proportional share of each part of the payment's split; the creator's share
 * ({@code netReversed}) came from pending while the money was held ({@code fromPending}), else from available.
 */
public record RefundDebited(WalletId walletId, JournalEntry entry, PaymentId paymentId, UUID refundId, Money amount,
        Money netReversed, boolean fromPending, Instant occurredAt) implements LedgerEvent {
}
