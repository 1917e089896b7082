package io.hyperx.subscription.query;

import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.subscription.query.SubscriptionRepository.equalIfPresent;

/**
 * Payment history for payers and creators, newest first. Written with plain SQL batched per processor batch (a
 * replay is mostly these rows: a payment initiated and settled in one batch costs one row of a multi-row insert);
 * read through JPA.
 */
@Component
@ProcessingGroup(SubscriptionViews.GROUP)
@ProjectionTables("subscription.payment_view")
public class PaymentProjection {

    private final PaymentRepository payments;
    private final JdbcTemplate jdbc;
    private final BatchedRows rows;

    PaymentProjection(PaymentRepository payments, JdbcTemplate jdbc) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.rows = new BatchedRows(jdbc, "subscription.payment_view");
    }

    @EventHandler
    void on(PaymentInitiated event, @Timestamp Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("purpose", event.purpose().name());
        row.put("purpose_reference", event.purposeReference());
        row.put("payer_id", event.payerId());
        row.put("creator_id", event.creatorId());
        row.put("amount_minor", event.amount().amountMinor());
        row.put("currency", event.amount().currency().getCurrencyCode());
        row.put("status", PaymentStatus.INITIATED.name());
        row.put("refunded_minor", 0L);
        row.put("fee_minor", null);
        row.put("failure_code", null);
        row.put("initiated_at", timestamp(event.occurredAt()));
        row.put("updated_at", timestamp(at));
        rows.insert(event.paymentId().value(), row);
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", PaymentStatus.SUCCEEDED.name());
        change.put("fee_minor", event.processorFee() == null ? null : event.processorFee().amountMinor());
        change.put("failure_code", null);
        change.put("updated_at", timestamp(at));
        rows.update(event.paymentId().value(), change);
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", PaymentStatus.FAILED.name());
        change.put("failure_code", event.failureCode());
        change.put("updated_at", timestamp(at));
        rows.update(event.paymentId().value(), change);
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        UUID id = event.paymentId().value();
        rows.find(id, "amount_minor", "currency").ifPresent(payment -> {
            Money gross = Money.of(((Number) payment.get("amount_minor")).longValue(), (String) payment.get("currency"));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("refunded_minor", event.totalRefunded().amountMinor());
            change.put("status", RefundPolicy.statusAfterRefund(gross, event.totalRefunded()).name());
            change.put("updated_at", timestamp(at));
            rows.update(id, change);
        });
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
