package io.hyperx.app.subscription;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.FindPaymentQuery;
import io.hyperx.subscription.api.FindSubscriptionQuery;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.PaymentView;
import io.hyperx.subscription.api.SubscriptionView;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.application.DueJobSweeper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.hyperx.testsupport.Eventually.await;

/** Test helpers that drive the subscription context through its commands, queries and due-date table. */
public final class SubscriptionScenario {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final DueJobSweeper sweeper;

    public SubscriptionScenario(CommandGateway commands, QueryGateway queries, JdbcTemplate jdbc, DueJobSweeper sweeper) {
        this.commands = commands;
        this.queries = queries;
        this.jdbc = jdbc;
        this.sweeper = sweeper;
    }

    TierId publishedTier(UUID creator, long priceMinor) {
        TierId tier = TierId.random();
        commands.sendAndWait(new CreateTierCommand(tier, creator, "Supporter", "Monthly posts",
                Money.of(priceMinor, "USD"), BillingInterval.MONTHLY, List.of("posts", "chat"), 1, true, null, 0));
        await("tier visible", () -> queries.query(new FindTierQuery(tier.value()),
                ResponseTypes.instanceOf(TierView.class)).join(), view -> view != null);
        return tier;
    }

    SubscriptionView subscription(UUID id) {
        return queries.query(new FindSubscriptionQuery(id), ResponseTypes.instanceOf(SubscriptionView.class)).join();
    }

    PaymentView payment(UUID id) {
        return queries.query(new FindPaymentQuery(id), ResponseTypes.instanceOf(PaymentView.class)).join();
    }

    SubscriptionView awaitSubscription(UUID id, Predicate<SubscriptionView> condition, String what) {
        return await(what, () -> subscription(id), view -> view != null && condition.test(view));
    }

    /** Moves the subscription's pending jobs of {@code kind} (all of them, or only attempt n) to now and runs them. */
    public void timeTravel(UUID subscriptionId, String kind, Integer attempt) {
        int moved = jdbc.update("""
                UPDATE subscription.scheduled_job SET due_at = now() - interval '1 second'
                WHERE subscription_id = ? AND kind = ? AND done_at IS NULL
                  AND (CAST(? AS integer) IS NULL OR (payload ->> 'attempt')::int = CAST(? AS integer))""",
                subscriptionId, kind, attempt, attempt);
        if (moved == 0) {
            throw new AssertionError("no pending " + kind + " job for " + subscriptionId);
        }
        sweeper.runDue(Instant.now());
    }

    public void awaitJob(UUID subscriptionId, String kind) {
        await(kind + " job scheduled", () -> jdbc.queryForObject("""
                SELECT count(*) FROM subscription.scheduled_job
                WHERE subscription_id = ? AND kind = ? AND done_at IS NULL""", Long.class, subscriptionId, kind),
                count -> count > 0);
    }

    long eventCount(String aggregateId, String payloadType) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE ?""", Long.class, aggregateId,
                "%." + payloadType);
    }

}
