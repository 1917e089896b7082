package io.hyperx.subscription.api;

import java.time.Instant;

/** A period ended while paused: nothing was charged, the next period starts. */
public record SubscriptionPausedPeriodSkipped(SubscriptionId subscriptionId, Instant periodStart, Instant periodEnd) {
}
