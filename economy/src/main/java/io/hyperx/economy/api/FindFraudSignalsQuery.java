package io.hyperx.economy.api;

/** Fraud signals, newest first. */
public record FindFraudSignalsQuery(int page, int size) {
}
