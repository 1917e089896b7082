package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A tip; {@code fanId} is {@code null} when a creator looks at an anonymous tip. */
public record TipView(UUID id, UUID fanId, UUID creatorId, Money amount, String message, boolean anonymous,
                      String status, Instant sentAt) {
}
