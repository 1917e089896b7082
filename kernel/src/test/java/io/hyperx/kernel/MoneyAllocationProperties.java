package io.hyperx.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyAllocationProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final long MAX_AMOUNT = 1_000_000_000_000L;

    @Property
    void partsSumToTheWholeAndStayWithinOneUnitOfTheExactShare(
            @ForAll @LongRange(min = -MAX_AMOUNT, max = MAX_AMOUNT) long amount,
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
        Assume.that(ratios.stream().anyMatch(r -> r > 0));

        List<Money> parts = new Money(amount, USD).allocate(toArray(ratios));

        assertThat(parts).hasSameSizeAs(ratios);
        assertExactSplit(amount, ratios, parts);
    }

    @Property
    void basisPointSplitSumsToTheWholeAndStaysWithinOneUnitOfTheExactShare(
            @ForAll @LongRange(min = -MAX_AMOUNT, max = MAX_AMOUNT) long amount,
            @ForAll("basisPoints") List<Integer> basisPoints) {
        int total = basisPoints.stream().mapToInt(Integer::intValue).sum();

        Money.Split split = new Money(amount, USD).split(basisPoints.stream().mapToInt(Integer::intValue).toArray());

        assertThat(split.parts()).hasSameSizeAs(basisPoints);
        List<Long> ratios = new ArrayList<>();
        basisPoints.forEach(bps -> ratios.add((long) bps));
        ratios.add(10_000L - total);
        List<Money> all = new ArrayList<>(split.parts());
        all.add(split.remainder());
        assertExactSplit(amount, ratios, all);
    }

    @Property
    void allocationIsDeterministic(
            @ForAll @LongRange(min = -MAX_AMOUNT, max = MAX_AMOUNT) long amount,
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
        Assume.that(ratios.stream().anyMatch(r -> r > 0));

        List<Money> first = new Money(amount, USD).allocate(toArray(ratios));
        List<Money> second = new Money(amount, USD).allocate(toArray(new ArrayList<>(ratios)));

        assertThat(second).isEqualTo(first);
    }

    @Property
    void negativeAmountsAreTheMirrorImageOfPositiveOnes(
            @ForAll @LongRange(min = 0, max = MAX_AMOUNT) long amount,
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
        Assume.that(ratios.stream().anyMatch(r -> r > 0));

        List<Money> positive = new Money(amount, USD).allocate(toArray(ratios));
        List<Money> negative = new Money(-amount, USD).allocate(toArray(ratios));

        assertThat(negative).isEqualTo(positive.stream().map(Money::negate).toList());
    }

    /** Lists of basis points totalling at most 10 000: the gaps between sorted cut points in 0..10 000. */
    @Provide
    Arbitrary<List<Integer>> basisPoints() {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(8).map(cuts -> {
            List<Integer> sorted = new ArrayList<>(cuts);
            Collections.sort(sorted);
            List<Integer> gaps = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                gaps.add(sorted.get(i) - sorted.get(i - 1));
            }
            return gaps;
        });
    }

    /** Sum is exact and |part * sum - amount * ratio| < sum, i.e. each part is within one unit of its exact share. */
    private static void assertExactSplit(long amount, List<Long> ratios, List<Money> parts) {
        BigInteger sumOfRatios = ratios.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger sumOfParts = BigInteger.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            Money part = parts.get(i);
            assertThat(part.currency()).isEqualTo(USD);
            BigInteger partTimesSum = BigInteger.valueOf(part.amountMinor()).multiply(sumOfRatios);
            BigInteger exactTimesSum = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(ratios.get(i)));
            assertThat(partTimesSum.subtract(exactTimesSum).abs())
                    .as("part %d = %s for ratio %d of %s", i, part, ratios.get(i), sumOfRatios)
                    .isLessThan(sumOfRatios);
            sumOfParts = sumOfParts.add(BigInteger.valueOf(part.amountMinor()));
        }
        assertThat(sumOfParts).isEqualTo(BigInteger.valueOf(amount));
    }

    private static long[] toArray(List<Long> ratios) {
        return ratios.stream().mapToLong(Long::longValue).toArray();
    }
}
