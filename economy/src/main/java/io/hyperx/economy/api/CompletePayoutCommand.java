package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The provider confirmed the payout. */
public record CompletePayoutCommand(@TargetAggregateIdentifier WalletId walletId, PayoutId payoutId,
        String providerReference, Instant occurredAt) {
}
