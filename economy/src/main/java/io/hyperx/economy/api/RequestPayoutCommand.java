package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Reserves {@code amount} of the available balance for a payout; refused beyond the available amount or without a
 * payout destination. An {@code instant} payout pays the instant fee; the daily auto-payout does not.
 */
public record RequestPayoutCommand(@TargetAggregateIdentifier WalletId walletId, PayoutId payoutId, Money amount,
        boolean instant, Instant occurredAt) {

    public RequestPayoutCommand(WalletId walletId, PayoutId payoutId, Money amount, Instant occurredAt) {
        this(walletId, payoutId, amount, true, occurredAt);
    }
}
