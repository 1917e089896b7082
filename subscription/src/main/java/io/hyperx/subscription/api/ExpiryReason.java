package io.hyperx.subscription.api;

/** Why a subscription ended without a cancellation. */
public enum ExpiryReason {
    INITIAL_PAYMENT_FAILED,
    GRACE_PERIOD_ENDED
}
