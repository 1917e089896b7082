package io.hyperx.economy.api;

import java.time.Instant;
import java.util.UUID;

/** The creator can be paid to this destination; its details (provider ids, last 4) are referenced by id. */
public record PayoutDestinationRegistered(WalletId walletId, UUID destinationId, Instant occurredAt)
        implements WalletEvent {
}
