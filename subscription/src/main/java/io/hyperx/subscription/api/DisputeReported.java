package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** The payer disputed the payment with their bank; the dispute context takes it from here. */
public record DisputeReported(UUID disputeId, PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId,
        Money amount, String reason, String providerDisputeId, Instant occurredAt) {
}
