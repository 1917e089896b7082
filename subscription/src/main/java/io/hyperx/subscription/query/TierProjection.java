package io.hyperx.subscription.query;

import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.FindTiersQuery;
import io.hyperx.subscription.api.TierArchived;
import io.hyperx.subscription.api.TierCreated;
import io.hyperx.subscription.api.TierUpdated;
import io.hyperx.subscription.api.TierView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The tier catalog: every tier with its current terms; member counts come from the subscriptions view. */
@Component
@ProcessingGroup(SubscriptionViews.GROUP)
@ProjectionTables("subscription.tier_view")
public class TierProjection {


    private final TierRepository tiers;
    private final SubscriptionRepository subscriptions;

    TierProjection(TierRepository tiers, SubscriptionRepository subscriptions) {
        this.tiers = tiers;
        this.subscriptions = subscriptions;
    }

    @EventHandler
    void on(TierCreated event, @Timestamp Instant at) {
        TierEntity tier = new TierEntity();
        tier.id = event.tierId().value();
        tier.creatorId = event.creatorId();
        tier.interval = event.interval().name();
        apply(tier, event.name(), event.description(), event.price(), event.benefits(), event.rank(),
                event.published(), event.memberLimit(), event.trialDays(), at);
    }

    @EventHandler
    void on(TierUpdated event, @Timestamp Instant at) {
        tiers.findById(event.tierId().value()).ifPresent(tier -> apply(tier, event.name(), event.description(),
                event.price(), event.benefits(), event.rank(), event.published(), event.memberLimit(),
                event.trialDays(), at));
    }

    @EventHandler
    void on(TierArchived event, @Timestamp Instant at) {
        tiers.findById(event.tierId().value()).ifPresent(tier -> {
            tier.archived = true;
            tier.updatedAt = at;
            tiers.save(tier);
        });
    }

    @ResetHandler
    void reset() {
        tiers.deleteAllInBatch();
    }

    @QueryHandler
    TierView handle(FindTierQuery query) {
        return tiers.findById(query.tierId()).map(this::view).orElse(null);
    }

    @QueryHandler
    List<TierView> handle(FindTiersQuery query) {
        return tiers.findByCreatorIdOrderByRankAscNameAsc(query.creatorId()).stream()
                .filter(tier -> query.includeUnpublished() || (tier.published && !tier.archived))
                .map(this::view)
                .toList();
    }

    private void apply(TierEntity tier, String name, String description, Money price, List<String> benefits,
                       int rank, boolean published, Integer memberLimit, int trialDays, Instant at) {
        tier.name = name;
        tier.description = description;
        tier.priceMinor = price.amountMinor();
        tier.currency = price.currency().getCurrencyCode();
        tier.benefits = List.copyOf(benefits);
        tier.rank = rank;
        tier.published = published;
        tier.memberLimit = memberLimit;
        tier.trialDays = trialDays;
        tier.updatedAt = at;
        tiers.save(tier);
    }

    private TierView view(TierEntity tier) {
        return new TierView(tier.id, tier.creatorId, tier.name, tier.description,
                Money.of(tier.priceMinor, tier.currency), BillingInterval.valueOf(tier.interval),
                List.copyOf(tier.benefits), tier.rank, tier.published, tier.archived, tier.memberLimit,
                tier.trialDays, (int) subscriptions.countMembers(tier.id));
    }
}
