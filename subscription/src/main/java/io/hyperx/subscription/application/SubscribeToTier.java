package io.hyperx.subscription.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.CountTrialsQuery;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.domain.SubscriptionEligibilityPolicy;
import io.hyperx.subscription.domain.SubscriptionPaymentIds;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.domain.TrialPolicy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A fan subscribes to a tier. In one transaction: the request's Idempotency-Key is claimed (it names the
 * subscription, so a repeated request finds the one it started), a seat is taken under a per-fan-and-creator and a
 * per-tier advisory lock (member limit and one subscription per creator hold even for concurrent requests), the
 * {@link SubscriptionEligibilityPolicy} and the {@link TrialPolicy} decide, and the subscription starts (Axon's unit
 * of work joins the transaction). A refusal rolls everything back, the key included. The first payment follows from
 * the {@code SubscriptionStarted} event.
 * <p>
 * Past trials come from the subscription projection. Two concurrent requests of one fan to one creator cannot both
 * start a trial: the fan-and-creator lock serialises them and the second finds the first one's seat. A trial the
 * projection has not seen yet normally belongs to a subscription that still holds its seat (the seat is released by
 * a reaction to the subscription's end, which follows its {@code SubscriptionTrialStarted} by at least the trial);
 * only a projection lagging by that long (a rebuild) could miss one, and the {@code subscription_trial_limit}
 * health check reports any fan over the limit.
 */
@Service
public class SubscribeToTier {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotencyKeys idempotencyKeys;
    private final JdbcTemplate jdbc;
    private final SubscriptionSettings settings;

    SubscribeToTier(CommandGateway commands, QueryGateway queries, IdempotencyKeys idempotencyKeys,
                    JdbcTemplate jdbc, SubscriptionSettings settings) {
        this.settings = settings;
        this.commands = commands;
        this.queries = queries;
        this.idempotencyKeys = idempotencyKeys;
        this.jdbc = jdbc;
    }

    /** The subscription, the payment that activates it ({@code null} with a free trial), and whether it is old. */
    public record Started(SubscriptionId subscriptionId, PaymentId initialPaymentId, TierView tier,
                          boolean repeated) {
    }

    @Transactional
    public Started subscribe(UUID fanId, TierId tierId, String paymentMethodId, String idempotencyKey) {
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(fanId, idempotencyKey, "subscribe",
                tierId + "|" + paymentMethodId);
        SubscriptionId subscriptionId = new SubscriptionId(claim.resourceId());
        TierView tier = queries.query(new FindTierQuery(tierId.value()), ResponseTypes.instanceOf(TierView.class))
                .join();
        if (tier == null) {
            throw SubscriptionProblem.notFound("tier_not_found", "No such tier.");
        }
        PaymentId initialPayment = tier.trialDays() > 0 ? null : SubscriptionPaymentIds.initial(subscriptionId);
        if (claim.repeated()) {
            return new Started(subscriptionId, initialPayment, tier, true);
        }
        for (UUID account : new UUID[]{fanId, tier.creatorId()}) {
            Boolean suspended = queries.query(new IsAccountSuspendedQuery(new AccountId(account)),
                    ResponseTypes.instanceOf(Boolean.class)).join();
            if (Boolean.TRUE.equals(suspended)) {
                throw SubscriptionProblem.forbidden("account_suspended",
                        account.equals(fanId) ? "Your account is suspended." : "The creator's account is suspended.");
            }
        }
        jdbc.queryForList("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS locked",
                Integer.class, "subscribe:" + fanId + ":" + tier.creatorId());
        jdbc.queryForList("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked", Integer.class,
                tierId.value().getMostSignificantBits() ^ tierId.value().getLeastSignificantBits());
        List<UUID> held = jdbc.queryForList(
                "SELECT subscription_id FROM subscription.seat WHERE fan_id = ? AND creator_id = ?", UUID.class,
                fanId, tier.creatorId());
        Integer members = jdbc.queryForObject("SELECT count(*) FROM subscription.seat WHERE tier_id = ?",
                Integer.class, tierId.value());
        SubscriptionEligibilityPolicy.check(fanId, new SubscriptionEligibilityPolicy.TierTerms(tier.creatorId(),
                tier.published(), tier.archived(), tier.memberLimit(), members == null ? 0 : members),
                !held.isEmpty());
        if (tier.trialDays() > 0) {
            Long pastTrials = queries.query(new CountTrialsQuery(fanId, tier.creatorId()),
                    ResponseTypes.instanceOf(Long.class)).join();
            TrialPolicy.check(tier.trialDays(), pastTrials, settings.trialsPerCreator());
        }
        PaymentRiskAssessment risk = queries.query(new AssessPaymentRiskQuery(fanId, tier.creatorId(), tier.price(),
                        PaymentPurpose.SUBSCRIPTION_INITIAL, subscriptionId.value()),
                ResponseTypes.instanceOf(PaymentRiskAssessment.class)).exceptionally(noAnswer -> null).join();
        if (risk != null && risk.blocked()) {
            throw SubscriptionProblem.forbidden(risk.code(), risk.reason());
        }
        jdbc.update("INSERT INTO subscription.seat (subscription_id, tier_id, fan_id, creator_id) VALUES (?, ?, ?, ?)",
                subscriptionId.value(), tierId.value(), fanId, tier.creatorId());
        commands.sendAndWait(new StartSubscriptionCommand(subscriptionId, fanId, tier.creatorId(), tierId,
                tier.rank(), tier.price(), tier.interval(), tier.trialDays(), paymentMethodId));
        return new Started(subscriptionId, initialPayment, tier, false);
    }
}
