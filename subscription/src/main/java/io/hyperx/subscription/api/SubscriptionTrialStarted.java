package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** A free trial began; the first charge is due at {@code trialEndsAt}. */
public record SubscriptionTrialStarted(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, Instant trialStart, Instant trialEndsAt) {
}
