package io.hyperx.subscription.api;

import java.util.UUID;

/** One subscription, or none. */
public record FindSubscriptionQuery(UUID subscriptionId) {
}
