package io.hyperx.subscription.query;

import io.hyperx.economy.EconomyHttpSupport;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payments view's batched writes ({@link BatchedRows}): nothing reaches the table before the unit of work
 * commits, and the rows are the same whether a payment's events arrive in one batch (changed in memory, one insert),
 * one event per batch (an insert, then updates), or once more after they were applied.
 */
class PaymentBatchWritesIT extends EconomyHttpSupport {

    @Autowired
    PaymentProjection projection;

    @Autowired
    TransactionManager transactionManager;

    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void oneBatchWritesTheRowsThatOneEventPerBatchWrites() {
        UUID payer = UUID.randomUUID();
        UUID creator = UUID.randomUUID();
        PaymentId refunded = new PaymentId(UUID.randomUUID());
        PaymentId failed = new PaymentId(UUID.randomUUID());
        List<Object> events = List.of(
                initiated(refunded, payer, creator, 5_000),
                new PaymentSucceeded(refunded, PaymentPurpose.TIP, null, payer, creator, usd(5_000), usd(175), at),
                initiated(failed, payer, creator, 700),
                new PaymentRefunded(UUID.randomUUID(), refunded, PaymentPurpose.TIP, null, payer, creator,
                        usd(1_000), usd(1_000), at.plusSeconds(1)),
                new PaymentFailed(failed, PaymentPurpose.TIP, null, payer, creator, usd(700), "card_declined",
                        at.plusSeconds(2)),
                new PaymentRefunded(UUID.randomUUID(), refunded, PaymentPurpose.TIP, null, payer, creator,
                        usd(4_000), usd(5_000), at.plusSeconds(3)));

        inOneBatch(events);
        List<Map<String, Object>> batched = rows(payer);
        assertThat(batched).extracting(row -> row.get("status")).containsExactly("REFUNDED", "FAILED");
        assertThat(batched).extracting(row -> row.get("refunded_minor")).containsExactly(5_000L, 0L);
        assertThat(batched).extracting(row -> row.get("fee_minor")).containsExactly(175L, null);
        assertThat(batched).extracting(row -> row.get("failure_code")).containsExactly(null, "card_declined");

        inOneBatch(events);
        assertThat(rows(payer)).as("the same events delivered again").isEqualTo(batched);

        jdbc.update("DELETE FROM subscription.payment_view WHERE payer_id = ?", payer);
        events.forEach(event -> inOneBatch(List.of(event)));
        assertThat(rows(payer)).as("one event per batch").isEqualTo(batched);
    }

    private PaymentInitiated initiated(PaymentId payment, UUID payer, UUID creator, long minor) {
        return new PaymentInitiated(payment, PaymentPurpose.TIP, null, payer, creator, usd(minor), "pm_card_visa", at);
    }

    /** The events handled in one transaction, as a processor's batch is; no row is written before it commits. */
    private void inOneBatch(List<Object> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(events.get(0)));
        batch.attachTransaction(transactionManager);
        long before = jdbc.queryForObject("SELECT count(*) FROM subscription.payment_view", Long.class);
        String statusesBefore = statuses();
        for (Object event : events) {
            if (event instanceof PaymentInitiated initiated) {
                projection.on(initiated, at);
            } else if (event instanceof PaymentSucceeded succeeded) {
                projection.on(succeeded, succeeded.occurredAt());
            } else if (event instanceof PaymentFailed failure) {
                projection.on(failure, failure.occurredAt());
            } else {
                projection.on((PaymentRefunded) event, ((PaymentRefunded) event).occurredAt());
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription.payment_view", Long.class))
                .as("rows inserted before the commit").isEqualTo(before);
        assertThat(statuses()).as("rows updated before the commit").isEqualTo(statusesBefore);
        batch.commit();
    }

    private String statuses() {
        return jdbc.queryForObject("SELECT coalesce(string_agg(id || status, ',' ORDER BY id), '') "
                + "FROM subscription.payment_view", String.class);
    }

    private List<Map<String, Object>> rows(UUID payer) {
        return jdbc.queryForList("SELECT * FROM subscription.payment_view WHERE payer_id = ? ORDER BY amount_minor DESC",
                payer);
    }
}
