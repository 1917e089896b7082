package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** The processor refused or could not capture the payment. */
public record PaymentFailed(PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId, Money amount,
        String failureCode, Instant occurredAt) {
}
