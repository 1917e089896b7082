package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reserves {@code amount} of the available balance for a payout; refused beyond the available amount. */
public record RequestPayoutCommand(@TargetAggregateIdentifier WalletId walletId, PayoutId payoutId, Money amount,
        Instant occurredAt) {
}
