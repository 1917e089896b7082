package io.hyperx.economy.api;

import java.time.Instant;

/** A creator's own platform fee or charity share (basis points; {@code null} = the configured default). */
public record CreatorFeesChanged(WalletId walletId, Integer platformFeeBps, Integer charityBps, Instant occurredAt) {
}
