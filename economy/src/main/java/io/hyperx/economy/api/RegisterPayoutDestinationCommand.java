package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Adds a payout destination to the wallet (its provider ids and last 4 digits live in economy's own table). */
public record RegisterPayoutDestinationCommand(@TargetAggregateIdentifier WalletId walletId, UUID destinationId,
        Instant occurredAt) {
}
