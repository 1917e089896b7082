package io.hyperx.economy.api;

import java.time.Instant;
import java.util.UUID;

/** The destination no longer receives payouts. */
public record PayoutDestinationRemoved(WalletId walletId, UUID destinationId, Instant occurredAt)
        implements WalletEvent {
}
