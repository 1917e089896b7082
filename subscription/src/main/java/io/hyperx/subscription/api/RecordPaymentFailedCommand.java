package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The processor reports the payment failed. */
public record RecordPaymentFailedCommand(@TargetAggregateIdentifier PaymentId paymentId, String failureCode, Instant occurredAt) {
}
