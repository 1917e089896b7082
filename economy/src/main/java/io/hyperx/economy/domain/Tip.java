package io.hyperx.economy.domain;

import io.hyperx.economy.api.SendTipCommand;
import io.hyperx.economy.api.TipId;
import io.hyperx.economy.api.TipSent;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One tip. Its id derives from the fan and the Idempotency-Key: the same request again is the same tip. */
@Aggregate
public class Tip {

    public static final BigDecimal MIN = new BigDecimal("1.00");
    public static final BigDecimal MAX = new BigDecimal("10000.00");
    public static final int MAX_MESSAGE = 500;

    @AggregateIdentifier
    private TipId tipId;
    private SendTipCommand sent;

    protected Tip() {
    }

    public static PaymentId paymentId(TipId tipId) {
        return new PaymentId(Ids.deterministic("economy-tip-payment", tipId.value().toString()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SendTipCommand command) {
        if (sent != null) {
            if (!sameRequest(sent, command)) {
                throw EconomyProblem.unprocessable("idempotency_key_reused",
                        "This Idempotency-Key was used for another tip.");
            }
            return;
        }
        TipPolicy.check(command.fanId(), command.creatorId(), command.amount(), command.message());
        apply(new TipSent(command.tipId(), command.fanId(), command.creatorId(), command.amount(), command.message(),
                command.anonymous(), paymentId(command.tipId()), command.paymentMethodId(), command.occurredAt()));
    }

    private static boolean sameRequest(SendTipCommand a, SendTipCommand b) {
        return a.creatorId().equals(b.creatorId()) && a.amount().equals(b.amount())
                && Objects.equals(a.message(), b.message()) && a.anonymous() == b.anonymous();
    }

    @EventSourcingHandler
    void on(TipSent event) {
        tipId = event.tipId();
        sent = new SendTipCommand(event.tipId(), event.fanId(), event.creatorId(), event.amount(), event.message(),
                event.anonymous(), event.paymentMethodId(), event.occurredAt());
    }

    /** A tip is 1.00 to 10,000.00 in its currency, with a message of at most 500 characters, to somebody else. */
    public static final class TipPolicy {

        private TipPolicy() {
        }

        public static void check(UUID fanId, UUID creatorId, Money amount, String message) {
            checkContent(amount, message);
            if (fanId.equals(creatorId)) {
                throw new EconomyProblem(403, "self_payment", "You cannot tip yourself.");
            }
        }

        /** Amount and message only (the fraud rules decide about paying oneself first, and record it). */
        public static void checkContent(Money amount, String message) {
            BigDecimal major = amount.toDecimal();
            if (major.compareTo(MIN) < 0 || major.compareTo(MAX) > 0) {
                throw EconomyProblem.unprocessable("invalid_tip_amount",
                        "A tip is between " + MIN + " and " + MAX + " " + amount.currency() + ".");
            }
            if (message != null && message.length() > MAX_MESSAGE) {
                throw EconomyProblem.unprocessable("message_too_long", "A tip message has at most 500 characters.");
            }
        }
    }
}
