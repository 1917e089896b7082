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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import static io.hyperx.subscription.query.SubscriptionRepository.equalIfPresent;

/** Payment history for payers and creators, newest first. */
@Component
@ProcessingGroup(SubscriptionViews.GROUP)
public class PaymentProjection {


    private final PaymentRepository payments;

    PaymentProjection(PaymentRepository payments) {
        this.payments = payments;
    }

    @EventHandler
    void on(PaymentInitiated event, @Timestamp Instant at) {
        PaymentEntity row = new PaymentEntity();
        row.markCreated();
        row.id = event.paymentId().value();
        row.purpose = event.purpose().name();
        row.purposeReference = event.purposeReference();
        row.payerId = event.payerId();
        row.creatorId = event.creatorId();
        row.amountMinor = event.amount().amountMinor();
        row.currency = event.amount().currency().getCurrencyCode();
        row.status = PaymentStatus.INITIATED.name();
        row.initiatedAt = event.occurredAt();
        row.updatedAt = at;
        payments.save(row);
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        update(event.paymentId().value(), at, row -> {
            row.status = PaymentStatus.SUCCEEDED.name();
            row.feeMinor = event.processorFee() == null ? null : event.processorFee().amountMinor();
            row.failureCode = null;
        });
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        update(event.paymentId().value(), at, row -> {
            row.status = PaymentStatus.FAILED.name();
            row.failureCode = event.failureCode();
        });
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        update(event.paymentId().value(), at, row -> {
            row.refundedMinor = event.totalRefunded().amountMinor();
            row.status = RefundPolicy.statusAfterRefund(Money.of(row.amountMinor, row.currency),
                    event.totalRefunded()).name();
        });
    }

    @ResetHandler
    void reset() {
        payments.deleteAllInBatch();
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

    private void update(UUID id, Instant at, Consumer<PaymentEntity> change) {
        payments.findById(id).ifPresent(row -> {
            change.accept(row);
            row.updatedAt = at;
            payments.save(row);
        });
    }

    private static PaymentView view(PaymentEntity row) {
        return new PaymentView(row.id, PaymentPurpose.valueOf(row.purpose), row.purposeReference, row.payerId,
                row.creatorId, Money.of(row.amountMinor, row.currency), PaymentStatus.valueOf(row.status),
                Money.of(row.refundedMinor, row.currency),
                row.feeMinor == null ? null : Money.of(row.feeMinor, row.currency), row.failureCode,
                row.initiatedAt, row.updatedAt);
    }
}
