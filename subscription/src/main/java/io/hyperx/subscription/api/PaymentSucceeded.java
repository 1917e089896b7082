package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** Money was captured: {@code gross} from the payer for the creator; {@code processorFee} when known, else {@code null}. */
public record PaymentSucceeded(PaymentId paymentId, PaymentPurpose purpose, UUID purposeReference, UUID payerId, UUID creatorId, Money gross,
        Money processorFee, Instant occurredAt) {
}
