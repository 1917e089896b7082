package io.hyperx.subscription.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.subscription.api.FindSubscriptionsQuery;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPage;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.domain.SubscriptionEligibilityPolicy;
import io.hyperx.subscription.domain.SubscriptionPaymentIds;
import io.hyperx.subscription.domain.SubscriptionProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * A fan subscribes to a tier: the tier's terms and the fan's current subscriptions are read from the views, the
 * {@link SubscriptionEligibilityPolicy} decides, and the subscription starts (its first payment follows from the
 * {@code SubscriptionStarted} event). The caller chooses the subscription id (derived from the request's
 * Idempotency-Key), so a repeated request finds the subscription it already started.
 */
@Service
public class SubscribeToTier {

    private final CommandGateway commands;
    private final QueryGateway queries;

    SubscribeToTier(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The started subscription and the payment that activates it ({@code null} during a free trial). */
    public record Started(SubscriptionId subscriptionId, PaymentId initialPaymentId) {
    }

    public Started subscribe(SubscriptionId subscriptionId, UUID fanId, TierId tierId, String paymentMethodId) {
        TierView tier = queries.query(new FindTierQuery(tierId.value()), ResponseTypes.instanceOf(TierView.class))
                .join();
        if (tier == null) {
            throw SubscriptionProblem.notFound("tier_not_found", "No such tier.");
        }
        for (UUID account : new UUID[]{fanId, tier.creatorId()}) {
            Boolean suspended = queries.query(new IsAccountSuspendedQuery(new AccountId(account)),
                    ResponseTypes.instanceOf(Boolean.class)).join();
            if (Boolean.TRUE.equals(suspended)) {
                throw SubscriptionProblem.forbidden("account_suspended",
                        account.equals(fanId) ? "Your account is suspended." : "The creator's account is suspended.");
            }
        }
        SubscriptionPage ongoing = queries.query(new FindSubscriptionsQuery(fanId, tier.creatorId(), null, null, 0,
                100), ResponseTypes.instanceOf(SubscriptionPage.class)).join();
        boolean alreadySubscribed = ongoing.data().stream()
                .anyMatch(s -> s.status().isOngoing() && !s.id().equals(subscriptionId.value()));
        SubscriptionEligibilityPolicy.check(fanId, new SubscriptionEligibilityPolicy.TierTerms(tier.creatorId(),
                tier.published(), tier.archived(), tier.memberLimit(), tier.memberCount()), alreadySubscribed);
        commands.sendAndWait(new StartSubscriptionCommand(subscriptionId, fanId, tier.creatorId(), tierId,
                tier.rank(), tier.price(), tier.interval(), tier.trialDays(), paymentMethodId));
        return new Started(subscriptionId,
                tier.trialDays() > 0 ? null : SubscriptionPaymentIds.initial(subscriptionId));
    }
}
