package io.hyperx.subscription.application;

import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentPurpose;
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
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Subscriptions and payments talk through commands: a subscription asking for money starts a payment (its id was
 * derived from the request, so redelivery starts nothing new), and a payment's outcome goes back to the subscription
 * it pays for. Side effects: never replayed.
 */
@Component
@ProcessingGroup(SubscriptionConfiguration.REACTIONS)
@DisallowReplay
class SubscriptionPaymentsPolicy {

    private static final Set<PaymentPurpose> SUBSCRIPTION_PURPOSES =
            EnumSet.of(PaymentPurpose.SUBSCRIPTION_INITIAL, PaymentPurpose.RENEWAL, PaymentPurpose.PRORATION);

    private final CommandGateway commands;

    SubscriptionPaymentsPolicy(CommandGateway commands) {
        this.commands = commands;
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
        ConcurrentWrites.sendAndWait(commands, new InitiatePaymentCommand(event.paymentId(), PaymentPurpose.RENEWAL,
                event.subscriptionId().value(), event.fanId(), event.creatorId(), event.amount(),
                event.paymentMethodId()));
    }

    @EventHandler
    void on(SubscriptionPaymentRetryRequested event) {
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
}
