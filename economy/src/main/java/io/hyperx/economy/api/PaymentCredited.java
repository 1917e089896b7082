package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;

import java.time.Instant;
import java.util.UUID;

/**
 * A succeeded payment was split: {@code gross = processorFee + platformFee + charity + net}, exactly; the net is held
 * in the creator's pending account until {@code holdUntil}.
 */
public record PaymentCredited(WalletId walletId, JournalEntry entry, PaymentId paymentId, PaymentPurpose purpose,
        UUID purposeReference, UUID payerId, Money gross, Money processorFee, Money platformFee, Money charity,
        Money net, Instant holdUntil, Instant occurredAt) implements LedgerEvent {
}
