package io.hyperx.economy.application;

import io.hyperx.economy.api.SendTipCommand;
import io.hyperx.economy.api.TipId;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.economy.domain.Tip;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentPurpose;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * A fan tips a creator: the tip's rules, then the fraud rules (a blocked tip never reaches the gateway), then the tip
 * is recorded and its payment started (from the {@code TipSent} event) through the subscription context.
 */
@Service
public class SendTip {

    private final CommandGateway commands;
    private final FraudRules fraud;
    private final Clock clock;

    SendTip(CommandGateway commands, FraudRules fraud, Clock clock) {
        this.commands = commands;
        this.fraud = fraud;
        this.clock = clock;
    }

    public static TipId tipId(UUID fanId, String idempotencyKey) {
        return new TipId(Ids.deterministic("economy-tip", fanId.toString(), idempotencyKey));
    }

    public TipId send(UUID fanId, String idempotencyKey, UUID creatorId, Money amount, String message,
                      boolean anonymous, String paymentMethodId) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new EconomyProblem(400, "idempotency_key_required",
                    "A tip needs an Idempotency-Key header (1 to 255 characters).");
        }
        TipId tipId = tipId(fanId, idempotencyKey);
        Tip.TipPolicy.checkContent(amount, message);
        fraud.check(fanId, creatorId, amount, PaymentPurpose.TIP, tipId.value());
        commands.sendAndWait(new SendTipCommand(tipId, fanId, creatorId, amount, message, anonymous, paymentMethodId,
                clock.instant()));
        return tipId;
    }
}
