package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The provider could not pay: the reserved funds return to available. */
public record FailPayoutCommand(@TargetAggregateIdentifier WalletId walletId, PayoutId payoutId, String reason,
        Instant occurredAt) {
}
