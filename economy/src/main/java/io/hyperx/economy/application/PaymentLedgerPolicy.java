package io.hyperx.economy.application;

import io.hyperx.economy.api.RecordPaymentCreditCommand;
import io.hyperx.economy.api.RecordRefundDebitCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Every succeeded payment is credited to its creator's wallet and every refund reversed there. The wallet ignores a
 * payment or refund it has seen, so redelivery writes no second entry.
 */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@DisallowReplay
class PaymentLedgerPolicy {

    private final CommandGateway commands;

    PaymentLedgerPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        commands.sendAndWait(new RecordPaymentCreditCommand(WalletId.of(event.creatorId()), event.paymentId(),
                event.purpose(), event.purposeReference(), event.payerId(), event.gross(), event.processorFee(),
                event.occurredAt()));
    }

    @EventHandler
    void on(PaymentRefunded event) {
        commands.sendAndWait(new RecordRefundDebitCommand(WalletId.of(event.creatorId()), event.paymentId(),
                event.refundId(), event.amount(), event.totalRefunded(), event.occurredAt()));
    }
}
