package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * A payout as the creator sees it: the creator receives {@code amount - fee}. {@code failedAttempts} counts the
 * provider's refusals so far; {@code nextAttemptAt} is set while it is {@code RETRYING}.
 */
public record PayoutView(UUID id, UUID creatorId, Money amount, Money fee, PayoutStatus status, Instant requestedAt,
                         Instant settledAt, String providerReference, String failureReason, int failedAttempts,
                         Instant nextAttemptAt) {
}
