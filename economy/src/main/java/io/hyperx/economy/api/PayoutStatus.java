package io.hyperx.economy.api;

/** Where a payout is: funds reserved and sent to the provider, paid, or failed (funds returned). */
public enum PayoutStatus {
    REQUESTED,
    COMPLETED,
    FAILED
}
