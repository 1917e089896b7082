package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Tells a subscription that one of its payments succeeded. */
public record RecordSubscriptionPaymentSucceededCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, PaymentId paymentId, PaymentPurpose purpose,
        Instant occurredAt) {
}
