package io.hyperx.subscription.api;

/** How often a tier is billed. */
public enum BillingInterval {
    MONTHLY,
    ANNUAL
}
