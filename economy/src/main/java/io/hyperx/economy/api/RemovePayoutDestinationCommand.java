package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Removes a payout destination from the wallet. */
public record RemovePayoutDestinationCommand(@TargetAggregateIdentifier WalletId walletId, UUID destinationId,
        Instant occurredAt) {
}
