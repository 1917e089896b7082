package io.hyperx.economy.api;

/** Which column of the journal a posting is in. */
public enum Side {
    DEBIT,
    CREDIT
}
