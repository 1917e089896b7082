package io.hyperx.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money in the minor unit of its currency (cents for USD, yen for JPY).
 * Arithmetic is exact: overflow throws {@link ArithmeticException}, mixing currencies throws
 * {@link CurrencyMismatchException}, and allocations always sum to the whole.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    public static final int BASIS_POINTS_WHOLE = 10_000;

    public Money {
        Objects.requireNonNull(currency, "currency must not be null");
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount such as {@code "12.34"} in major units. Rejects amounts that need more
     * fraction digits than the currency has (e.g. {@code "1.234"} USD or {@code "1.5"} JPY).
     */
    public static Money parse(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount must not be null");
        Currency currency = Currency.getInstance(currencyCode);
        int fractionDigits = currency.getDefaultFractionDigits();
        if (fractionDigits < 0) {
            throw new IllegalArgumentException("Currency " + currencyCode + " has no minor unit");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount: '" + amount + "'", e);
        }
        try {
            long minor = decimal.setScale(fractionDigits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            return new Money(minor, currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount '" + amount + "' is not representable in " + currencyCode
                            + " (at most " + fractionDigits + " fraction digits, within long range)", e);
        }
    }

    /** The amount in major units, e.g. {@code 12.34} for 1234 USD cents. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    /**
     * -1, 0 or 1 as the amount is negative, zero or positive. There is deliberately no {@code isZero()}
     * and the like: a plain ObjectMapper would serialize such is-getters as extra JSON fields.
     */
    public int signum() {
        return Long.signum(amountMinor);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Splits this amount in proportion to the ratios using the largest-remainder method.
     * The parts sum exactly to this amount and each part is within one minor unit of its exact share;
     * leftover units go to the largest remainders, ties to the lower index. A negative amount is split
     * like its absolute value and then negated, so parts are negative or zero.
     */
    public List<Money> allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("at least one ratio is required");
        }
        BigInteger sum = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("ratios must not be negative: " + Arrays.toString(ratios));
            }
            sum = sum.add(BigInteger.valueOf(ratio));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("at least one ratio must be positive");
        }

        BigInteger whole = BigInteger.valueOf(amountMinor).abs();
        BigInteger[] shares = new BigInteger[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        BigInteger leftover = whole;
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] quotientAndRemainder = whole.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(sum);
            shares[i] = quotientAndRemainder[0];
            remainders[i] = quotientAndRemainder[1];
            leftover = leftover.subtract(shares[i]);
        }

        // leftover < ratios.length, and only indices with a non-zero remainder are ever picked.
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < leftover.intValueExact(); k++) {
            int i = byRemainder.get(k);
            shares[i] = shares[i].add(BigInteger.ONE);
        }

        List<Money> parts = new ArrayList<>(ratios.length);
        for (BigInteger share : shares) {
            BigInteger signed = amountMinor < 0 ? share.negate() : share;
            parts.add(new Money(signed.longValueExact(), currency));
        }
        return List.copyOf(parts);
    }

    /**
     * Takes a share per basis-point rate and leaves the rest as the remainder, e.g.
     * {@code gross.split(500, 100)} for a 5% platform fee, a 1% charity share and the rest to the creator.
     * Shares and remainder are allocated together, so they sum exactly to this amount and each is
     * within one minor unit of its exact share.
     */
    public Split split(int... basisPoints) {
        long[] ratios = new long[basisPoints.length + 1];
        long total = 0;
        for (int i = 0; i < basisPoints.length; i++) {
            if (basisPoints[i] < 0 || basisPoints[i] > BASIS_POINTS_WHOLE) {
                throw new IllegalArgumentException("basis points must be within 0.." + BASIS_POINTS_WHOLE
                        + ": " + Arrays.toString(basisPoints));
            }
            ratios[i] = basisPoints[i];
            total += basisPoints[i];
        }
        if (total > BASIS_POINTS_WHOLE) {
            throw new IllegalArgumentException("basis points must total at most " + BASIS_POINTS_WHOLE
                    + ": " + Arrays.toString(basisPoints));
        }
        ratios[basisPoints.length] = BASIS_POINTS_WHOLE - total;
        List<Money> allocated = allocate(ratios);
        return new Split(allocated.subList(0, basisPoints.length), allocated.get(basisPoints.length));
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** The result of {@link #split(int...)}: one part per basis-point rate, in order, plus the remainder. */
    public record Split(List<Money> parts, Money remainder) {

        public Split {
            parts = List.copyOf(parts);
            Objects.requireNonNull(remainder, "remainder must not be null");
        }

        public Money part(int index) {
            return parts.get(index);
        }
    }
}
