package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The processor reports a dispute (chargeback) opened on the payment. */
public record ReportDisputeCommand(@TargetAggregateIdentifier PaymentId paymentId, String providerDisputeId, Money amount, String reason,
        Instant occurredAt) {
}
