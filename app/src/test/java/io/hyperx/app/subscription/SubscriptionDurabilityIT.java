package io.hyperx.app.subscription;

import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.RecordSubscriptionPaymentSucceededCommand;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.RefundPaymentCommand;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.application.SubscribeToTier;
import io.hyperx.subscription.domain.SubscriptionPaymentIds;
import io.hyperx.subscription.query.SubscriptionViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Durable time runs each job once across sweepers; the projections rebuild from the log to the same rows. */
@FoundationTest
class SubscriptionDurabilityIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DueJobSweeper sweeper;

    @Autowired
    SubscribeToTier subscribeToTier;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    SubscriptionScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new SubscriptionScenario(commands, queries, jdbc, sweeper);
    }

    @Test
    void twoSweepersOnOneDatabaseRunEachDueJobOnce() throws Exception {
        int subscriptions = 12;
        List<SubscriptionId> ids = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            SubscriptionId id = SubscriptionId.random();
            // activated straight from a recorded payment; the simulator's own webhook for it changes nothing
            commands.sendAndWait(new StartSubscriptionCommand(id, UUID.randomUUID(), UUID.randomUUID(),
                    TierId.random(), 1, Money.of(300, "USD"), BillingInterval.MONTHLY, 0, "pm_card_visa"));
            commands.sendAndWait(new RecordSubscriptionPaymentSucceededCommand(id, SubscriptionPaymentIds.initial(id),
                    PaymentPurpose.SUBSCRIPTION_INITIAL, Instant.now()));
            ids.add(id);
        }
        for (SubscriptionId id : ids) {
            scenario.awaitJob(id.value(), "RENEW");
            jdbc.update("UPDATE subscription.scheduled_job SET due_at = now() - interval '1 second' "
                    + "WHERE subscription_id = ? AND kind = 'RENEW' AND done_at IS NULL", id.value());
        }

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        start.countDown();

        assertThat(first.get() + second.get()).isEqualTo(subscriptions);
        for (SubscriptionId id : ids) {
            assertThat(scenario.eventCount(id.toString(), "SubscriptionRenewalRequested")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription.scheduled_job WHERE subscription_id = ? "
                    + "AND kind = 'RENEW' AND done_at IS NOT NULL", Long.class, id.value())).isEqualTo(1);
        }
    }

    @Test
    void projectionsRebuiltByReplayEqualTheLiveOnes() throws Exception {
        UUID creator = UUID.randomUUID();
        UUID fan = UUID.randomUUID();
        TierId tier = scenario.publishedTier(creator, 1100);
        SubscribeToTier.Started started = subscribeToTier.subscribe(fan, tier, "pm_card_visa", null);
        SubscriptionId subscription = started.subscriptionId();
        scenario.awaitSubscription(subscription.value(), view -> view.status() == SubscriptionStatus.ACTIVE,
                "activation");
        commands.sendAndWait(new RefundPaymentCommand(started.initialPaymentId(), UUID.randomUUID(),
                Money.of(100, "USD"), Instant.now()));
        await("refund projected", () -> scenario.payment(started.initialPaymentId().value()),
                payment -> payment.refunded().amountMinor() == 100);

        Map<String, List<Map<String, Object>>> live = rows(creator);
        assertThat(live.values()).allSatisfy(table -> assertThat(table).isNotEmpty());

        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(SubscriptionViews.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(rows(creator).values()).allSatisfy(table -> assertThat(table).isEmpty());
        processor.start();

        Map<String, List<Map<String, Object>>> replayed = await("replay",
                () -> rows(creator), rows -> rows.equals(live));
        assertThat(replayed).isEqualTo(live);
    }

    private int sweepAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sweeper.runDue(Instant.now());
    }

    private Map<String, List<Map<String, Object>>> rows(UUID creator) {
        return Map.of(
                "tiers", jdbc.queryForList("SELECT * FROM subscription.tier_view WHERE creator_id = ? ORDER BY id",
                        creator),
                "subscriptions", jdbc.queryForList(
                        "SELECT * FROM subscription.subscription_view WHERE creator_id = ? ORDER BY id", creator),
                "payments", jdbc.queryForList(
                        "SELECT * FROM subscription.payment_view WHERE creator_id = ? ORDER BY id", creator));
    }
}
