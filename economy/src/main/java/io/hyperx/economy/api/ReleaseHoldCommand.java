package io.hyperx.economy.api;

import io.hyperx.subscription.api.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Ends the hold on a payment's net (sent by the due-date sweeper); releasing twice moves the money once. */
public record ReleaseHoldCommand(@TargetAggregateIdentifier WalletId walletId, PaymentId paymentId,
        Instant occurredAt) {
}
