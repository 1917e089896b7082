package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Refunds part or all of a succeeded payment; the refund id makes it idempotent. */
public record RefundPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, UUID refundId, Money amount, Instant occurredAt) {
}
