package io.hyperx.economy.application;

import io.hyperx.economy.api.FraudSeverity;
import io.hyperx.economy.api.FraudSignalRaised;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fraud rules, checked before a payment reaches the gateway: paying oneself or a suspended payer or creator is
 * blocked (critical); one payment above the large-payment threshold is flagged (medium); more payments or more money
 * per hour by one payer than configured is flagged (high). Every match is a {@link FraudSignalRaised} event; a
 * blocked payment answers 403 with the rule as its problem code.
 */
@Service
public class FraudRules {

    public static final String SELF_PAYMENT = "self_payment";
    public static final String SUSPENDED_ACCOUNT = "account_suspended";
    public static final String LARGE_PAYMENT = "large_payment";
    public static final String PAYMENT_VELOCITY = "payment_velocity";
    public static final String AMOUNT_VELOCITY = "amount_velocity";

    private final QueryGateway queries;
    private final EventGateway events;
    private final JdbcTemplate jdbc;
    private final EconomySettings.Fraud thresholds;
    private final Clock clock;

    FraudRules(QueryGateway queries, EventGateway events, JdbcTemplate jdbc, EconomySettings settings, Clock clock) {
        this.queries = queries;
        this.events = events;
        this.jdbc = jdbc;
        this.thresholds = settings.fraud();
        this.clock = clock;
    }

    /** The signals this payment raises (already published); throws when one of them blocks it. */
    public List<FraudSignalRaised> check(UUID payerId, UUID creatorId, Money amount, PaymentPurpose purpose,
                                         UUID reference) {
        Instant now = clock.instant();
        List<FraudSignalRaised> signals = new ArrayList<>();
        if (payerId.equals(creatorId)) {
            signals.add(signal(SELF_PAYMENT, FraudSeverity.CRITICAL, true, payerId, creatorId, amount, purpose,
                    reference, "payer and creator are the same account", now));
        } else if (suspended(payerId) || suspended(creatorId)) {
            signals.add(signal(SUSPENDED_ACCOUNT, FraudSeverity.CRITICAL, true, payerId, creatorId, amount, purpose,
                    reference, (suspended(payerId) ? "payer" : "creator") + " is suspended", now));
        } else {
            if (amount.toDecimal().compareTo(thresholds.largePayment()) > 0) {
                signals.add(signal(LARGE_PAYMENT, FraudSeverity.MEDIUM, false, payerId, creatorId, amount, purpose,
                        reference, "one payment above " + thresholds.largePayment(), now));
            }
            Map<String, Object> lastHour = jdbc.queryForMap("""
                            SELECT count(*) AS payments, coalesce(sum(amount_minor), 0) AS total FROM economy.payer_payment
                            WHERE payer_id = ? AND currency = ? AND initiated_at > ?""", payerId,
                    amount.currency().getCurrencyCode(), Timestamp.from(now.minus(Duration.ofHours(1))));
            long payments = ((Number) lastHour.get("payments")).longValue() + 1;
            Money total = new Money(((Number) lastHour.get("total")).longValue(), amount.currency()).plus(amount);
            if (payments > thresholds.maxPaymentsPerHour()) {
                signals.add(signal(PAYMENT_VELOCITY, FraudSeverity.HIGH, false, payerId, creatorId, amount, purpose,
                        reference, payments + " payments within an hour", now));
            }
            if (total.toDecimal().compareTo(thresholds.maxAmountPerHour()) > 0) {
                signals.add(signal(AMOUNT_VELOCITY, FraudSeverity.HIGH, false, payerId, creatorId, amount, purpose,
                        reference, total + " within an hour", now));
            }
        }
        signals.forEach(events::publish);
        signals.stream().filter(FraudSignalRaised::blocked).findFirst().ifPresent(blocked -> {
            throw new EconomyProblem(403, blocked.rule(), "The payment was blocked: " + blocked.detail() + ".");
        });
        return signals;
    }

    /**
     * The same rules for payments other contexts start (subscriptions): signals are raised, a blocked payment is
     * answered as blocked (the asking context refuses it with the rule as its code).
     */
    @QueryHandler
    public PaymentRiskAssessment handle(AssessPaymentRiskQuery query) {
        try {
            check(query.payerId(), query.creatorId(), query.amount(), query.purpose(), query.reference());
            return PaymentRiskAssessment.allowed();
        } catch (EconomyProblem blocked) {
            return new PaymentRiskAssessment(true, blocked.code(), blocked.getMessage());
        }
    }

    private boolean suspended(UUID accountId) {
        Boolean suspended = queries.query(new IsAccountSuspendedQuery(new AccountId(accountId)),
                ResponseTypes.instanceOf(Boolean.class)).join();
        return Boolean.TRUE.equals(suspended);
    }

    private static FraudSignalRaised signal(String rule, FraudSeverity severity, boolean blocked, UUID payerId,
                                            UUID creatorId, Money amount, PaymentPurpose purpose, UUID reference,
                                            String detail, Instant now) {
        return new FraudSignalRaised(Ids.deterministic("economy-fraud-signal", rule, String.valueOf(reference),
                payerId.toString()), rule, severity, blocked, payerId, creatorId, amount, purpose, reference, detail,
                now);
    }
}
