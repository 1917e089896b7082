package io.hyperx.content.application;

import io.hyperx.content.domain.ContentProblem;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Starts purchase and pay-per-view payments through subscription's {@link InitiatePaymentCommand}; the outcome comes
 * back as {@code PaymentSucceeded}/{@code PaymentRefunded}, which the entitlements projection turns into unlocks.
 * With an {@code Idempotency-Key} the payment id is derived from payer, item and key, so a repeated request starts
 * no second payment (the Payment aggregate ignores the same id twice). The fraud rules are asked first (subscription.api's
 * {@link AssessPaymentRiskQuery}, answered by the economy; no answer = no objection): a blocked payment never reaches
 * the gateway and answers 403 with the rule as its code.
 */
@Service
public class Purchases {

    private final CommandGateway commands;
    private final QueryGateway queries;

    Purchases(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public PaymentId start(PaymentPurpose purpose, UUID item, UUID payer, UUID creator, Money price,
                           String paymentMethodId, String idempotencyKey) {
        PaymentId payment = idempotencyKey == null || idempotencyKey.isBlank() ? PaymentId.random()
                : new PaymentId(Ids.deterministic("content-payment", purpose.name(), payer.toString(),
                item.toString(), idempotencyKey));
        PaymentRiskAssessment risk = queries.query(new AssessPaymentRiskQuery(payer, creator, price, purpose,
                payment.value()), ResponseTypes.instanceOf(PaymentRiskAssessment.class))
                .exceptionally(noAnswer -> null).join();
        if (risk != null && risk.blocked()) {
            throw ContentProblem.forbidden(risk.code(), risk.reason());
        }
        commands.sendAndWait(new InitiatePaymentCommand(payment, purpose, item, payer, creator, price,
                paymentMethodId));
        return payment;
    }
}
