package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The processor reports {@code totalRefunded} refunded so far on the payment (Stripe's cumulative {@code amount_refunded}). */
public record RecordRefundTotalCommand(@TargetAggregateIdentifier PaymentId paymentId, Money totalRefunded, Instant occurredAt) {
}
