package io.hyperx.economy.application;

import io.hyperx.economy.api.FindPayoutQuery;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.api.PayoutStatus;
import io.hyperx.economy.api.PayoutView;
import io.hyperx.economy.api.RequestPayoutCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.economy.domain.FeeSchedule;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An instant payout: the payout id derives from the creator and the Idempotency-Key, and the wallet reserves the
 * amount in the same command that checks it, so a repeated request reserves once and concurrent ones cannot overdraw.
 */
@Service
public class RequestPayout {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final FeeSchedule fees;
    private final Clock clock;

    RequestPayout(CommandGateway commands, QueryGateway queries, FeeSchedule fees, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.fees = fees;
        this.clock = clock;
    }

    public static PayoutId payoutId(UUID creatorId, String idempotencyKey) {
        return new PayoutId(Ids.deterministic("economy-payout", creatorId.toString(), idempotencyKey));
    }

    public PayoutView request(UUID creatorId, String idempotencyKey, Money amount) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new EconomyProblem(400, "idempotency_key_required",
                    "A payout needs an Idempotency-Key header (1 to 255 characters).");
        }
        PayoutId payoutId = payoutId(creatorId, idempotencyKey);
        Instant now = clock.instant();
        commands.sendAndWait(new RequestPayoutCommand(WalletId.of(creatorId), payoutId, amount, now));
        PayoutView known = queries.query(new FindPayoutQuery(creatorId, payoutId.value()),
                ResponseTypes.instanceOf(PayoutView.class)).join();
        if (known != null) {
            return known;
        }
        return new PayoutView(payoutId.value(), creatorId, amount,
                amount.split(fees.instantPayoutFeeBps()).part(0), PayoutStatus.REQUESTED, now, null, null, null, 0, null);
    }
}
