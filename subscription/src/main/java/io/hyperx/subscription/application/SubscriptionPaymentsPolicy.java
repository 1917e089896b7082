package io.hyperx.subscription.application;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.RecordSubscriptionPaymentFailedCommand;
import io.hyperx.subscription.api.RecordSubscriptionPaymentSucceededCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaymentRetryRequested;
import io.hyperx.subscription.api.SubscriptionRenewalRequested;
import io.hyperx.subscription.api.SubscriptionStarted;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions and payments talk through commands: a subscription asking for money starts a payment (its id was
 * derived from the request, so redelivery starts nothing new), and a payment's outcome goes back to the subscription
 * it pays for. Side effects: never replayed. A renewal (or its retry) is first put to the fraud rules
 * ({@link AssessPaymentRiskQuery}); a blocked one never reaches the gateway and counts as a failed renewal payment,
 * so the subscription goes through its grace period (retried, blocked again while the cause lasts) and expires.
 */
@Component
@ProcessingGroup(SubscriptionConfiguration.REACTIONS)
@DisallowReplay
class SubscriptionPaymentsPolicy {

    private static final Set<PaymentPurpose> SUBSCRIPTION_PURPOSES =
            EnumSet.of(PaymentPurpose.SUBSCRIPTION_INITIAL, PaymentPurpose.RENEWAL, PaymentPurpose.PRORATION);

    private final CommandGateway commands;
    private final QueryGateway queries;

    SubscriptionPaymentsPolicy(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        if (event.initialPaymentId() != null) {
            ConcurrentWrites.sendAndWait(commands, new InitiatePaymentCommand(event.initialPaymentId(),
                    PaymentPurpose.SUBSCRIPTION_INITIAL, event.subscriptionId().value(), event.fanId(),
                    event.creatorId(), event.price(), event.paymentMethodId()));
        }
    }

    @EventHandler
    void on(SubscriptionRenewalRequested event) {
        if (blocked(event.subscriptionId(), event.paymentId(), event.fanId(), event.creatorId(), event.amount(),
                event.periodEnd())) {
            return;
        }
        ConcurrentWrites.sendAndWait(commands, new InitiatePaymentCommand(event.paymentId(), PaymentPurpose.RENEWAL,
                event.subscriptionId().value(), event.fanId(), event.creatorId(), event.amount(),
                event.paymentMethodId()));
    }

    @EventHandler
    void on(SubscriptionPaymentRetryRequested event) {
        if (blocked(event.subscriptionId(), event.paymentId(), event.fanId(), event.creatorId(), event.amount(),
                event.occurredAt())) {
            return;
        }
        ConcurrentWrites.sendAndWait(commands, new InitiatePaymentCommand(event.paymentId(), PaymentPurpose.RENEWAL,
                event.subscriptionId().value(), event.fanId(), event.creatorId(), event.amount(),
                event.paymentMethodId()));
    }

    @EventHandler
    void on(SubscriptionTierChanged event) {
        if (event.prorationPaymentId() != null) {
            ConcurrentWrites.sendAndWait(commands, new InitiatePaymentCommand(event.prorationPaymentId(), PaymentPurpose.PRORATION,
                    event.subscriptionId().value(), event.fanId(), event.creatorId(), event.prorationAmount(),
                    event.paymentMethodId()));
        }
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        if (SUBSCRIPTION_PURPOSES.contains(event.purpose())) {
            ConcurrentWrites.sendAndWait(commands, new RecordSubscriptionPaymentSucceededCommand(
                    new SubscriptionId(event.purposeReference()), event.paymentId(), event.purpose(),
                    event.occurredAt()));
        }
    }

    @EventHandler
    void on(PaymentFailed event) {
        if (SUBSCRIPTION_PURPOSES.contains(event.purpose())) {
            ConcurrentWrites.sendAndWait(commands, new RecordSubscriptionPaymentFailedCommand(
                    new SubscriptionId(event.purposeReference()), event.paymentId(), event.purpose(),
                    event.occurredAt()));
        }
    }

    /** Asks the fraud rules about a renewal payment; a blocked one is recorded as the renewal's failed payment. */
    private boolean blocked(SubscriptionId subscription, PaymentId payment, UUID fan, UUID creator, Money amount,
                            Instant at) {
        PaymentRiskAssessment risk = queries.query(new AssessPaymentRiskQuery(fan, creator, amount,
                        PaymentPurpose.RENEWAL, payment.value()),
                ResponseTypes.instanceOf(PaymentRiskAssessment.class)).exceptionally(noAnswer -> null).join();
        if (risk == null || !risk.blocked()) {
            return false;
        }
        ConcurrentWrites.sendAndWait(commands, new RecordSubscriptionPaymentFailedCommand(subscription, payment,
                PaymentPurpose.RENEWAL, at));
        return true;
    }
}
