package io.hyperx.content.application;

import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Starts purchase and pay-per-view payments through subscription's {@link InitiatePaymentCommand}; the outcome comes
 * back as {@code PaymentSucceeded}/{@code PaymentRefunded}, which the entitlements projection turns into unlocks.
 * With an {@code Idempotency-Key} the payment id is derived from payer, item and key, so a repeated request starts
 * no second payment (the Payment aggregate ignores the same id twice).
 */
@Service
public class Purchases {

    private final CommandGateway commands;

    Purchases(CommandGateway commands) {
        this.commands = commands;
    }

    public PaymentId start(PaymentPurpose purpose, UUID item, UUID payer, UUID creator, Money price,
                           String paymentMethodId, String idempotencyKey) {
        PaymentId payment = idempotencyKey == null || idempotencyKey.isBlank() ? PaymentId.random()
                : new PaymentId(Ids.deterministic("content-payment", purpose.name(), payer.toString(),
                item.toString(), idempotencyKey));
        commands.sendAndWait(new InitiatePaymentCommand(payment, purpose, item, payer, creator, price,
                paymentMethodId));
        return payment;
    }
}
