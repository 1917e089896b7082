package io.hyperx.economy.api;

/**
 * Where a payout is: funds reserved and sent to the provider, an attempt failed and it will be tried again (funds
 * still reserved), paid, or failed for good (funds returned).
 */
public enum PayoutStatus {
    REQUESTED,
    RETRYING,
    COMPLETED,
    FAILED
}
