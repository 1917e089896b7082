package io.hyperx.economy.application;

import io.hyperx.economy.api.TipSent;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentPurpose;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Starts each tip's payment (purpose TIP, reference the tip); the payment id derives from the tip, so once. */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@DisallowReplay
class TipPaymentPolicy {

    private final CommandGateway commands;

    TipPaymentPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TipSent event) {
        commands.sendAndWait(new InitiatePaymentCommand(event.paymentId(), PaymentPurpose.TIP, event.tipId().value(),
                event.fanId(), event.creatorId(), event.amount(), event.paymentMethodId()));
    }
}
