package io.hyperx.subscription.api;

import java.util.UUID;

/** How many free trials of the creator's tiers the fan has started, ever; answered with a {@code Long}. */
public record CountTrialsQuery(UUID fanId, UUID creatorId) {
}
