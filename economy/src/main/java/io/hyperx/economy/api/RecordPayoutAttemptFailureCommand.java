package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The provider refused attempt {@code attempt} of a payout; it is tried again at {@code nextAttemptAt}. */
public record RecordPayoutAttemptFailureCommand(@TargetAggregateIdentifier WalletId walletId, PayoutId payoutId,
        int attempt, String reason, Instant nextAttemptAt, Instant occurredAt) {
}
