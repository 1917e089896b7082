package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.util.UUID;

/**
 * Asks the fraud rules (answered by a downstream context, the economy) about a payment before it is started; answered
 * with a {@link PaymentRiskAssessment}. No answer (no handler) means no objection.
 */
public record AssessPaymentRiskQuery(UUID payerId, UUID creatorId, Money amount, PaymentPurpose purpose,
                                     UUID reference) {
}
