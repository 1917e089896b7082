package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Reverses a refund proportionally; the same refund id twice writes one entry. */
public record RecordRefundDebitCommand(@TargetAggregateIdentifier WalletId walletId, PaymentId paymentId,
        UUID refundId, Money amount, Money totalRefunded, Instant occurredAt) {
}
