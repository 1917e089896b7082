package io.hyperx.subscription.domain;

import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.DisputeReported;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.RecordPaymentFailedCommand;
import io.hyperx.subscription.api.RecordPaymentSucceededCommand;
import io.hyperx.subscription.api.RecordRefundTotalCommand;
import io.hyperx.subscription.api.RefundPaymentCommand;
import io.hyperx.subscription.api.ReportDisputeCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payment, whatever its purpose: Initiated -> Succeeded | Failed, then refunds (several partial ones, never more
 * than the gross) and disputes. The processor reports in any order and more than once: a success after a failure
 * wins (Stripe retries a payment intent), a failure after a success is stale, a refund or dispute proves the
 * capture, and each repeated report changes nothing.
 */
@Aggregate(cache = "paymentCache")
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;
    private PaymentPurpose purpose;
    private UUID purposeReference;
    private UUID payerId;
    private UUID creatorId;
    private Money amount;
    private PaymentStatus status;
    private Money refunded;
    private final Set<UUID> refundIds = new HashSet<>();
    private final Set<UUID> disputeIds = new HashSet<>();

    protected Payment() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InitiatePaymentCommand command) {
        if (paymentId != null) {
            return; // the same payment, asked for again
        }
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw SubscriptionProblem.unprocessable("invalid_amount", "A payment's amount must be positive.");
        }
        apply(new PaymentInitiated(command.paymentId(), command.purpose(), command.purposeReference(),
                command.payerId(), command.creatorId(), command.amount(), command.paymentMethodId(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(RecordPaymentSucceededCommand command) {
        if (status == PaymentStatus.INITIATED || status == PaymentStatus.FAILED) {
            succeed(command.processorFee(), command.occurredAt());
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailedCommand command) {
        if (status == PaymentStatus.INITIATED) {
            apply(new PaymentFailed(paymentId, purpose, purposeReference, payerId, creatorId, amount,
                    command.failureCode(), command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(RefundPaymentCommand command) {
        if (refundIds.contains(command.refundId())) {
            return;
        }
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw SubscriptionProblem.conflict("payment_not_refundable", "Only a captured payment can be refunded.");
        }
        refund(command.refundId(), command.amount(), command.occurredAt());
    }

    @CommandHandler
    void handle(RecordRefundTotalCommand command) {
        requireSameCurrency(command.totalRefunded());
        if (!command.totalRefunded().isGreaterThan(refunded)) {
            return; // already known, or an older report
        }
        if (status == PaymentStatus.INITIATED || status == PaymentStatus.FAILED) {
            succeed(null, command.occurredAt()); // a refund proves the capture we have not heard of yet
        }
        Money delta = command.totalRefunded().minus(refunded);
        UUID refundId = Ids.deterministic("payment-refund", paymentId.toString(),
                Long.toString(command.totalRefunded().amountMinor()));
        refund(refundId, delta, command.occurredAt());
    }

    @CommandHandler
    void handle(ReportDisputeCommand command) {
        UUID disputeId = Ids.deterministic("payment-dispute", command.providerDisputeId());
        if (disputeIds.contains(disputeId)) {
            return;
        }
        if (status == PaymentStatus.INITIATED || status == PaymentStatus.FAILED) {
            succeed(null, command.occurredAt()); // only a captured payment can be disputed
        }
        apply(new DisputeReported(disputeId, paymentId, purpose, purposeReference, payerId, creatorId,
                command.amount(), command.reason(), command.providerDisputeId(), command.occurredAt()));
    }

    private void succeed(Money processorFee, Instant occurredAt) {
        apply(new PaymentSucceeded(paymentId, purpose, purposeReference, payerId, creatorId, amount, processorFee,
                occurredAt));
    }

    private void refund(UUID refundId, Money refundAmount, Instant occurredAt) {
        requireSameCurrency(refundAmount);
        if (refundAmount.signum() <= 0) {
            throw SubscriptionProblem.unprocessable("invalid_refund", "A refund must be positive.");
        }
        Money total = refunded.plus(refundAmount);
        if (RefundPolicy.exceedsPayment(amount, total)) {
            throw SubscriptionProblem.unprocessable("refund_exceeds_payment",
                    "Refunds would total " + total + " of a " + amount + " payment.");
        }
        apply(new PaymentRefunded(refundId, paymentId, purpose, purposeReference, payerId, creatorId, refundAmount,
                total, occurredAt));
    }

    private void requireSameCurrency(Money other) {
        if (!other.currency().equals(amount.currency())) {
            throw SubscriptionProblem.unprocessable("currency_mismatch",
                    "The payment is in " + amount.currency() + ", not " + other.currency() + ".");
        }
    }

    @EventSourcingHandler
    void on(PaymentInitiated event) {
        paymentId = event.paymentId();
        purpose = event.purpose();
        purposeReference = event.purposeReference();
        payerId = event.payerId();
        creatorId = event.creatorId();
        amount = event.amount();
        refunded = Money.zero(event.amount().currency());
        status = PaymentStatus.INITIATED;
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event) {
        status = PaymentStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refundIds.add(event.refundId());
        refunded = event.totalRefunded();
        status = RefundPolicy.statusAfterRefund(amount, refunded);
    }

    @EventSourcingHandler
    void on(DisputeReported event) {
        disputeIds.add(event.disputeId());
    }
}
