package io.hyperx.economy.api;

import java.time.Instant;
import java.util.UUID;

/** A payout destination as the creator sees it: only its kind and last 4 digits (bank accounts). */
public record PayoutDestinationView(UUID id, PayoutDestinationKind kind, String last4, Instant createdAt) {
}
