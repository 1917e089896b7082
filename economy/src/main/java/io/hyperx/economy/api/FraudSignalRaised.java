package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentPurpose;

import java.time.Instant;
import java.util.UUID;

/** A fraud rule matched a payment about to start; {@code blocked} payments never reach the gateway. */
public record FraudSignalRaised(UUID signalId, String rule, FraudSeverity severity, boolean blocked, UUID payerId,
        UUID creatorId, Money amount, PaymentPurpose purpose, UUID reference, String detail, Instant occurredAt) {
}
