package io.hyperx.economy.api;

/** Where a payout can go: a bank account, or a Stripe Connect account (paid out on Stripe's schedule). */
public enum PayoutDestinationKind {
    BANK_ACCOUNT,
    STRIPE_CONNECT
}
