package io.hyperx.kernel;

import java.util.Currency;

/** Thrown when an operation combines money of two different currencies. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private final Currency expected;
    private final Currency actual;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Currency mismatch: expected " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode());
        this.expected = expected;
        this.actual = actual;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }
}
