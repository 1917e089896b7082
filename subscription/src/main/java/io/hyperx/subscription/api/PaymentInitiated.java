package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A payment was started; the processor is asked to charge it. */
public record PaymentInitiated(PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId, Money amount,
        String paymentMethodId, Instant occurredAt) {
}
