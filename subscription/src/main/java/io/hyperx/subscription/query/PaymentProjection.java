package io.hyperx.subscription.query;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.FindPaymentQuery;
import io.hyperx.subscription.api.FindPaymentsQuery;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPage;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.PaymentView;
import io.hyperx.subscription.domain.RefundPolicy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static io.hyperx.subscription.query.SubscriptionRepository.equalIfPresent;

/**
 * Payment history for payers and creators, newest first. Written with plain SQL, one statement per event (a replay
 * is mostly these rows: no entity to load and dirty-check per event); read through JPA.
 */
@Component
@ProcessingGroup(SubscriptionViews.GROUP)
public class PaymentProjection {


    private final PaymentRepository payments;
    private final JdbcTemplate jdbc;

    PaymentProjection(PaymentRepository payments, JdbcTemplate jdbc) {
        this.payments = payments;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentInitiated event, @Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO subscription.payment_view (id, purpose, purpose_reference, payer_id, creator_id,
                                                               amount_minor, currency, status, refunded_minor,
                                                               initiated_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.paymentId().value(), event.purpose().name(), event.purposeReference(), event.payerId(),
                event.creatorId(), event.amount().amountMinor(), event.amount().currency().getCurrencyCode(),
                PaymentStatus.INITIATED.name(), timestamp(event.occurredAt()), timestamp(at));
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        jdbc.update("""
                        UPDATE subscription.payment_view SET status = ?, fee_minor = ?, failure_code = NULL,
                                                             updated_at = ?
                        WHERE id = ?""",
                PaymentStatus.SUCCEEDED.name(),
                event.processorFee() == null ? null : event.processorFee().amountMinor(), timestamp(at),
                event.paymentId().value());
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        jdbc.update("UPDATE subscription.payment_view SET status = ?, failure_code = ?, updated_at = ? WHERE id = ?",
                PaymentStatus.FAILED.name(), event.failureCode(), timestamp(at), event.paymentId().value());
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        UUID id = event.paymentId().value();
        jdbc.query("SELECT amount_minor, currency FROM subscription.payment_view WHERE id = ?",
                        (row, i) -> Money.of(row.getLong("amount_minor"), row.getString("currency")), id)
                .forEach(gross -> jdbc.update("""
                                UPDATE subscription.payment_view SET refunded_minor = ?, status = ?, updated_at = ?
                                WHERE id = ?""",
                        event.totalRefunded().amountMinor(),
                        RefundPolicy.statusAfterRefund(gross, event.totalRefunded()).name(), timestamp(at), id));
    }

    /** Emptied with TRUNCATE, not DELETE: a rebuild then writes into a fresh table and fresh indexes. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE subscription.payment_view");
    }

    @QueryHandler
    PaymentView handle(FindPaymentQuery query) {
        return payments.findById(query.paymentId()).map(PaymentProjection::view).orElse(null);
    }

    @QueryHandler
    PaymentPage handle(FindPaymentsQuery query) {
        Specification<PaymentEntity> filter = Specification.allOf(
                equalIfPresent("payerId", query.payerId()), equalIfPresent("creatorId", query.creatorId()));
        Page<PaymentEntity> page = payments.findAll(filter,
                Pages.request(query.page(), query.size(), Sort.by(Sort.Order.desc("initiatedAt"), Sort.Order.asc("id"))));
        return new PaymentPage(page.map(PaymentProjection::view).toList(), Pages.pagination(page));
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static PaymentView view(PaymentEntity row) {
        return new PaymentView(row.id, PaymentPurpose.valueOf(row.purpose), row.purposeReference, row.payerId,
                row.creatorId, Money.of(row.amountMinor, row.currency), PaymentStatus.valueOf(row.status),
                Money.of(row.refundedMinor, row.currency),
                row.feeMinor == null ? null : Money.of(row.feeMinor, row.currency), row.failureCode,
                row.initiatedAt, row.updatedAt);
    }
}
