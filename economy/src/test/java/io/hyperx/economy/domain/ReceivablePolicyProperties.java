package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivablePolicyProperties {

    /**
     * Any sequence of debits (negative) and credits (positive) booked through the policy: available and the receivable
     * are never negative nor both positive, and available minus what is owed is the plain sum of the movements.
     */
    @Property
    void availableNeverGoesNegativeAndWhatIsOwedIsRepaidFirst(
            @ForAll @Size(max = 30) List<@LongRange(min = -1_000_000, max = 1_000_000) Long> movements) {
        long available = 0;
        long owed = 0;
        long sum = 0;
        for (long movement : movements) {
            if (movement == 0) {
                continue;
            }
            Money amount = Money.of(Math.abs(movement), "USD");
            if (movement < 0) {
                ReceivablePolicy.Split split = ReceivablePolicy.debit(amount, Money.of(available, "USD"));
                available -= split.first().amountMinor();
                owed += split.rest().amountMinor();
            } else {
                ReceivablePolicy.Split split = ReceivablePolicy.credit(amount, Money.of(owed, "USD"));
                owed -= split.first().amountMinor();
                available += split.rest().amountMinor();
            }
            sum += movement;
            assertThat(available).isNotNegative();
            assertThat(owed).isNotNegative();
            assertThat(available > 0 && owed > 0).isFalse();
            assertThat(available - owed).isEqualTo(sum);
        }
    }
}
