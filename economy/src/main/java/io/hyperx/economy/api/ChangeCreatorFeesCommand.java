package io.hyperx.economy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sets a creator's platform fee override and/or charity share, in basis points ({@code null} leaves it as is). */
public record ChangeCreatorFeesCommand(@TargetAggregateIdentifier WalletId walletId, Integer platformFeeBps,
        Integer charityBps, Instant occurredAt) {
}
