package io.hyperx.subscription.api;

import java.util.UUID;

/** One tier, or none. */
public record FindTierQuery(UUID tierId) {
}
