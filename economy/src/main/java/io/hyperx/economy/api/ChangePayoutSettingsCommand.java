package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Turns the creator's daily auto-payout on or off; {@code minimum} (nullable) is the smallest balance paid out. */
public record ChangePayoutSettingsCommand(@TargetAggregateIdentifier WalletId walletId, boolean dailyAutoPayout,
        Money minimum, Instant occurredAt) {
}
