package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The processor reports the payment captured. */
public record RecordPaymentSucceededCommand(@TargetAggregateIdentifier PaymentId paymentId, String providerReference, Money processorFee, Instant occurredAt) {
}
