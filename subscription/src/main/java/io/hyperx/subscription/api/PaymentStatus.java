package io.hyperx.subscription.api;

/** Where a payment stands. */
public enum PaymentStatus {
    INITIATED,
    SUCCEEDED,
    FAILED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
