package io.hyperx.subscription.api;

/** Why money moves; with the purpose reference it tells the owning context which payment is its own. */
public enum PaymentPurpose {
    SUBSCRIPTION_INITIAL,
    RENEWAL,
    PRORATION,
    TIP,
    PRODUCT_PURCHASE,
    PAY_PER_VIEW
}
