package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Starts a payment for any purpose; other contexts use it and learn the outcome from {@link PaymentSucceeded} or {@link PaymentFailed}. Sending it twice with the same id starts one payment. */
public record InitiatePaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId,
        UUID creatorId, Money amount, String paymentMethodId) {
}
