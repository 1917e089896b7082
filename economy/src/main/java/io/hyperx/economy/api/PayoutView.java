package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A payout as the creator sees it: the creator receives {@code amount - fee}. */
public record PayoutView(UUID id, UUID creatorId, Money amount, Money fee, PayoutStatus status, Instant requestedAt,
                         Instant settledAt, String providerReference, String failureReason) {
}
