package io.hyperx.subscription.api;

/** Where a subscription stands in its lifecycle. */
public enum SubscriptionStatus {
    PENDING,
    TRIALING,
    ACTIVE,
    GRACE_PERIOD,
    PAUSED,
    CANCELLED,
    EXPIRED;

    /** Whether the fan keeps access to the creator's member content (access is kept during grace). */
    public boolean grantsAccess() {
        return this == TRIALING || this == ACTIVE || this == GRACE_PERIOD;
    }

    /** Whether the subscription still counts as the fan's one subscription to its creator. */
    public boolean isOngoing() {
        return this != CANCELLED && this != EXPIRED;
    }
}
