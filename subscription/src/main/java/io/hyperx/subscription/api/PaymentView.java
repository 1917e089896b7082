package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A payment as payers and creators see it. */
public record PaymentView(UUID id, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId, Money amount,
        PaymentStatus status, Money refunded, Money processorFee, String failureCode, Instant initiatedAt,
        Instant updatedAt) {
}
