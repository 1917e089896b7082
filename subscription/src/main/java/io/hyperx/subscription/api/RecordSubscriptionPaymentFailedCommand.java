package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Tells a subscription that one of its payments failed. */
public record RecordSubscriptionPaymentFailedCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, PaymentId paymentId, PaymentPurpose purpose,
        Instant occurredAt) {
}
