package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** Part ({@code amount}) of a succeeded payment went back to the payer; {@code totalRefunded} never exceeds the gross. */
public record PaymentRefunded(UUID refundId, PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId,
        Money amount, Money totalRefunded, Instant occurredAt) {
}
