package io.hyperx.economy.api;

/** How bad a fraud signal is; critical ones block the payment. */
public enum FraudSeverity {
    MEDIUM,
    HIGH,
    CRITICAL
}
