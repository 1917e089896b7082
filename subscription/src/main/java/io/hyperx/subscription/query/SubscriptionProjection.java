package io.hyperx.subscription.query;

import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CountTrialsQuery;
import io.hyperx.subscription.api.FindSubscriptionQuery;
import io.hyperx.subscription.api.FindSubscriptionsQuery;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancellationRequested;
import io.hyperx.subscription.api.SubscriptionCancellationResumed;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPage;
import io.hyperx.subscription.api.SubscriptionPaused;
import io.hyperx.subscription.api.SubscriptionPausedPeriodSkipped;
import io.hyperx.subscription.api.SubscriptionPriceChanged;
import io.hyperx.subscription.api.SubscriptionRecovered;
import io.hyperx.subscription.api.SubscriptionRenewed;
import io.hyperx.subscription.api.SubscriptionStarted;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import io.hyperx.subscription.api.SubscriptionUnpaused;
import io.hyperx.subscription.api.SubscriptionView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

import static io.hyperx.subscription.query.SubscriptionRepository.equalIfPresent;

/** Subscriptions for fans (their own) and creators (their subscribers), filterable by tier and status. */
@Component
@ProcessingGroup(SubscriptionViews.GROUP)
@ProjectionTables("subscription.subscription_view")
public class SubscriptionProjection {


    private final SubscriptionRepository subscriptions;

    SubscriptionProjection(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @EventHandler
    void on(SubscriptionStarted event, @Timestamp Instant at) {
        SubscriptionEntity row = new SubscriptionEntity();
        row.markCreated();
        row.id = event.subscriptionId().value();
        row.fanId = event.fanId();
        row.creatorId = event.creatorId();
        row.tierId = event.tierId().value();
        row.status = SubscriptionStatus.PENDING.name();
        row.priceMinor = event.price().amountMinor();
        row.currency = event.price().currency().getCurrencyCode();
        row.interval = event.interval().name();
        row.startedAt = event.occurredAt();
        row.updatedAt = at;
        subscriptions.save(row);
    }

    @EventHandler
    void on(SubscriptionTrialStarted event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.status = SubscriptionStatus.TRIALING.name();
            row.currentPeriodEnd = event.trialEndsAt();
            row.trialStartedAt = at;
        });
    }

    @EventHandler
    void on(SubscriptionActivated event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.status = SubscriptionStatus.ACTIVE.name();
            row.currentPeriodEnd = event.periodEnd();
        });
    }

    @EventHandler
    void on(SubscriptionRenewed event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.status = SubscriptionStatus.ACTIVE.name();
            row.currentPeriodEnd = event.periodEnd();
            row.graceEndsAt = null;
        });
    }

    @EventHandler
    void on(SubscriptionEnteredGracePeriod event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.status = SubscriptionStatus.GRACE_PERIOD.name();
            row.graceEndsAt = event.graceEndsAt();
        });
    }

    @EventHandler
    void on(SubscriptionRecovered event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.status = SubscriptionStatus.ACTIVE.name();
            row.graceEndsAt = null;
        });
    }

    @EventHandler
    void on(SubscriptionExpired event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.status = SubscriptionStatus.EXPIRED.name());
    }

    @EventHandler
    void on(SubscriptionCancellationRequested event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.cancelAtPeriodEnd = true);
    }

    @EventHandler
    void on(SubscriptionCancellationResumed event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.cancelAtPeriodEnd = false);
    }

    @EventHandler
    void on(SubscriptionCancelled event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.status = SubscriptionStatus.CANCELLED.name());
    }

    @EventHandler
    void on(SubscriptionTierChanged event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> {
            row.tierId = event.toTierId().value();
            row.priceMinor = event.newPrice().amountMinor();
        });
    }

    @EventHandler
    void on(SubscriptionPriceChanged event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.priceMinor = event.newPrice().amountMinor());
    }

    @EventHandler
    void on(SubscriptionPaused event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.status = SubscriptionStatus.PAUSED.name());
    }

    @EventHandler
    void on(SubscriptionUnpaused event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.status = SubscriptionStatus.ACTIVE.name());
    }

    @EventHandler
    void on(SubscriptionPausedPeriodSkipped event, @Timestamp Instant at) {
        update(event.subscriptionId(), at, row -> row.currentPeriodEnd = event.periodEnd());
    }

    @ResetHandler
    void reset() {
        subscriptions.deleteAllInBatch();
    }

    @QueryHandler
    SubscriptionView handle(FindSubscriptionQuery query) {
        return subscriptions.findById(query.subscriptionId()).map(SubscriptionProjection::view).orElse(null);
    }

    @QueryHandler
    Long handle(CountTrialsQuery query) {
        return subscriptions.countByFanIdAndCreatorIdAndTrialStartedAtIsNotNull(query.fanId(), query.creatorId());
    }

    @QueryHandler
    SubscriptionPage handle(FindSubscriptionsQuery query) {
        Specification<SubscriptionEntity> filter = Specification.allOf(
                equalIfPresent("fanId", query.fanId()),
                equalIfPresent("creatorId", query.creatorId()),
                equalIfPresent("tierId", query.tierId()),
                equalIfPresent("status", query.status() == null ? null : query.status().name()));
        Page<SubscriptionEntity> page = subscriptions.findAll(filter,
                Pages.request(query.page(), query.size(), Sort.by(Sort.Order.desc("startedAt"), Sort.Order.asc("id"))));
        return new SubscriptionPage(page.map(SubscriptionProjection::view).toList(), Pages.pagination(page));
    }

    private void update(SubscriptionId id, Instant at, Consumer<SubscriptionEntity> change) {
        subscriptions.findById(id.value()).ifPresent(row -> {
            change.accept(row);
            row.updatedAt = at;
            subscriptions.save(row);
        });
    }

    private static SubscriptionView view(SubscriptionEntity row) {
        return new SubscriptionView(row.id, row.fanId, row.creatorId, row.tierId,
                SubscriptionStatus.valueOf(row.status), Money.of(row.priceMinor, row.currency),
                BillingInterval.valueOf(row.interval), row.currentPeriodEnd, row.cancelAtPeriodEnd,
                row.graceEndsAt, row.startedAt, row.updatedAt);
    }
}
