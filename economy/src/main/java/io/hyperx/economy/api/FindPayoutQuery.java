package io.hyperx.economy.api;

import java.util.UUID;

/** One payout of a creator, or {@code null}. */
public record FindPayoutQuery(UUID creatorId, UUID payoutId) {
}
