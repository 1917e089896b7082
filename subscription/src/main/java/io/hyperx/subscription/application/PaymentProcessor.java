package io.hyperx.subscription.application;

import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.RecordPaymentFailedCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Asks the processor to charge each initiated payment. The outcome is learnt from the processor's signed webhook,
 * never from this call; only when the processor cannot be reached at all is the payment failed here (a renewal then
 * enters dunning and is retried later). The payment id is the idempotency key, so a redelivered event charges once.
 */
@Component
@ProcessingGroup(SubscriptionConfiguration.REACTIONS)
@DisallowReplay
class PaymentProcessor {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentGateway gateway;
    private final CommandGateway commands;

    PaymentProcessor(PaymentGateway gateway, CommandGateway commands) {
        this.gateway = gateway;
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentInitiated event, @Timestamp Instant occurredAt) {
        boolean offSession = event.purpose() == PaymentPurpose.RENEWAL;
        try {
            PaymentGateway.Charge charge = gateway.charge(new PaymentGateway.ChargeRequest(event.paymentId(), event.purpose(),
                    event.purposeReference(), event.payerId(), event.creatorId(), event.amount(),
                    event.paymentMethodId(), offSession));
            if (charge.providerPaymentId() == null && "failed".equals(charge.status())) {
                // refused before any payment intent existed: no webhook will tell us
                ConcurrentWrites.sendAndWait(commands, new RecordPaymentFailedCommand(event.paymentId(), charge.declineCode(),
                        occurredAt));
            }
        } catch (PaymentGateway.GatewayUnavailableException e) {
            log.warn("Payment processor unavailable for payment {}: {}", event.paymentId(), e.getMessage());
            ConcurrentWrites.sendAndWait(commands, new RecordPaymentFailedCommand(event.paymentId(), "processor_unavailable",
                    Instant.now()));
        }
    }
}
