package io.hyperx.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money usd(long cents) {
        return new Money(cents, USD);
    }

    @Test
    void rejectsNullCurrency() {
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void factories() {
        assertThat(Money.of(500, "USD")).isEqualTo(new Money(500, USD));
        assertThat(Money.zero(EUR)).isEqualTo(new Money(0, EUR));
        assertThat(Money.zero(EUR).signum()).isZero();
    }

    @Test
    void arithmetic() {
        assertThat(usd(500).plus(usd(250))).isEqualTo(usd(750));
        assertThat(usd(500).minus(usd(750))).isEqualTo(usd(-250));
        assertThat(usd(500).negate()).isEqualTo(usd(-500));
        assertThat(usd(-125).times(3)).isEqualTo(usd(-375));
    }

    @Test
    void signAndComparison() {
        assertThat(usd(250).signum()).isEqualTo(1);
        assertThat(usd(-250).signum()).isEqualTo(-1);
        assertThat(usd(0).signum()).isZero();

        assertThat(usd(2).isGreaterThan(usd(1))).isTrue();
        assertThat(usd(1).isGreaterThan(usd(1))).isFalse();
        assertThat(usd(1).isLessThan(usd(2))).isTrue();
        assertThat(usd(1).isLessThan(usd(1))).isFalse();
        assertThat(usd(1).compareTo(usd(1))).isZero();
    }

    @Test
    void refusesMixedCurrencies() {
        Money euros = new Money(100, EUR);
        assertThatThrownBy(() -> usd(100).plus(euros))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
        assertThatThrownBy(() -> usd(100).minus(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd(100).isGreaterThan(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd(100).isLessThan(euros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void refusesOverflow() {
        assertThatThrownBy(() -> usd(Long.MAX_VALUE).plus(usd(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> usd(Long.MIN_VALUE).minus(usd(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> usd(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> usd(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void parsesDecimalAmounts() {
        assertThat(Money.parse("12.34", "USD")).isEqualTo(usd(1234));
        assertThat(Money.parse("12", "USD")).isEqualTo(usd(1200));
        assertThat(Money.parse("0.5", "USD")).isEqualTo(usd(50));
        assertThat(Money.parse("-3.07", "USD")).isEqualTo(usd(-307));
        assertThat(Money.parse("1500", "JPY")).isEqualTo(Money.of(1500, "JPY"));
        assertThat(Money.parse("1.005", "BHD")).isEqualTo(Money.of(1005, "BHD"));
    }

    @Test
    void parseRejectsExcessPrecisionAndGarbage() {
        assertThatThrownBy(() -> Money.parse("1.234", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("abc", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1", "NOPE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("100000000000000000", "USD"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toDecimalIsTheInverseOfParse() {
        assertThat(usd(1234).toDecimal()).isEqualTo(new BigDecimal("12.34"));
        assertThat(Money.of(1500, "JPY").toDecimal()).isEqualTo(new BigDecimal("1500"));
        assertThat(usd(-5).toString()).isEqualTo("-0.05 USD");
    }

    @Test
    void jsonRoundTripWithPlainObjectMapper() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(usd(500));

        assertThat(json).isEqualTo("{\"amountMinor\":500,\"currency\":\"USD\"}");
        assertThat(mapper.readValue(json, Money.class)).isEqualTo(usd(500));
    }

    @Test
    void allocatesWithLargestRemainder() {
        assertThat(usd(100).allocate(1, 1, 1)).containsExactly(usd(34), usd(33), usd(33));
        assertThat(usd(-100).allocate(1, 1, 1)).containsExactly(usd(-34), usd(-33), usd(-33));
        assertThat(usd(5).allocate(3, 7)).containsExactly(usd(2), usd(3)); // 1.5 / 3.5: tie goes to index 0
        assertThat(usd(10).allocate(0, 1)).containsExactly(usd(0), usd(10));
        assertThat(usd(Long.MIN_VALUE).allocate(1)).containsExactly(usd(Long.MIN_VALUE));
    }

    @Test
    void allocateRejectsInvalidRatios() {
        assertThatThrownBy(() -> usd(100).allocate()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd(100).allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd(100).allocate(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsFeesByBasisPoints() {
        Money.Split split = usd(10_000).split(500, 100);

        assertThat(split.parts()).containsExactly(usd(500), usd(100));
        assertThat(split.part(0)).isEqualTo(usd(500));
        assertThat(split.remainder()).isEqualTo(usd(9_400));
    }

    @Test
    void splitOfRefundReversalIsNegative() {
        Money.Split split = usd(-1_999).split(500, 100);

        // exact shares: -99.95, -19.99, -1879.06
        assertThat(split.parts()).containsExactly(usd(-100), usd(-20));
        assertThat(split.remainder()).isEqualTo(usd(-1_879));
    }

    @Test
    void splitRejectsInvalidBasisPoints() {
        assertThatThrownBy(() -> usd(100).split(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd(100).split(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd(100).split(6_000, 4_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(usd(100).split(6_000, 4_000).remainder()).isEqualTo(usd(0));
        assertThat(usd(100).split().remainder()).isEqualTo(usd(100));
    }
}
