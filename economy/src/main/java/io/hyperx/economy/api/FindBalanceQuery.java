package io.hyperx.economy.api;

import java.time.Instant;
import java.util.UUID;

/** A creator's balances per currency now ({@code asOf == null}) or as they were at {@code asOf}. */
public record FindBalanceQuery(UUID creatorId, Instant asOf) {
}
