package io.hyperx.content.query;

import io.hyperx.app.SharedAppContext;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntitlementProjection} fed refunds directly: a partial refund keeps the unlock, the refund that completes
 * the price revokes it, and each event delivered again (or late, after a later one) changes nothing. Same Spring
 * context configuration as the content HTTP tests, so the context is shared.
 */
@SharedAppContext
class EntitlementRefundsIT {

    @Autowired
    EntitlementProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final PaymentId payment = new PaymentId(UUID.randomUUID());
    private final UUID fan = UUID.randomUUID();
    private final UUID creator = UUID.randomUUID();
    private final UUID product = UUID.randomUUID();

    /** The row has no events behind it: left in place, a replay by another test of this context would drop it. */
    @AfterEach
    void removeTheUnlock() {
        jdbc.update("DELETE FROM content.unlock WHERE payment_id = ?", payment.value());
    }

    @Test
    void onlyTheRefundThatCompletesThePriceRevokesAndRepeatsChangeNothing() {
        projection.on(new PaymentSucceeded(payment, PaymentPurpose.PRODUCT_PURCHASE, product, fan, creator,
                usd(1_000), usd(59), at));
        PaymentRefunded partial = refund(400, 400, 1);
        PaymentRefunded rest = refund(600, 1_000, 2);

        projection.on(partial);
        projection.on(partial);
        assertThat(unlock()).containsEntry("refunded_minor", 400L).containsEntry("revoked_at", null);

        projection.on(rest);
        Map<String, Object> revoked = unlock();
        assertThat(revoked).containsEntry("refunded_minor", 1_000L)
                .containsEntry("revoked_at", Timestamp.from(at.plusSeconds(2)));

        projection.on(rest);
        projection.on(partial);
        assertThat(unlock()).isEqualTo(revoked);
    }

    private PaymentRefunded refund(long amount, long total, int secondsLater) {
        return new PaymentRefunded(UUID.randomUUID(), payment, PaymentPurpose.PRODUCT_PURCHASE, product, fan, creator,
                usd(amount), usd(total), at.plusSeconds(secondsLater));
    }

    private Map<String, Object> unlock() {
        return jdbc.queryForMap("SELECT refunded_minor, revoked_at FROM content.unlock WHERE payment_id = ?",
                payment.value());
    }

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
