package io.hyperx.subscription.api;

import java.util.UUID;

/** Subscriptions of a fan or to a creator (one of the two is set), optionally by tier and status. */
public record FindSubscriptionsQuery(UUID fanId, UUID creatorId, UUID tierId, SubscriptionStatus status, int page, int size) {
}
