package io.hyperx.app.subscription;

import io.hyperx.app.FoundationTest;
import io.hyperx.subscription.api.ChangePaymentMethodCommand;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.SubscriptionView;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.application.SubscribeToTier;
import io.hyperx.subscription.domain.SubscriptionPaymentIds;
import io.hyperx.subscription.domain.SubscriptionProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole subscription lifecycle in simulator mode, driven through the command side and the due-date table:
 * every payment outcome travels as a signed Stripe-format webhook through {@code POST /api/v1/webhooks/stripe}.
 */
@FoundationTest
class SubscriptionFlowIT {

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

    SubscriptionScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new SubscriptionScenario(commands, queries, jdbc, sweeper);
    }

    @Test
    void aFailedRenewalEntersGraceAndASucceededRetryMakesItActiveAgain() {
        UUID creator = UUID.randomUUID();
        UUID fan = UUID.randomUUID();
        TierId tier = scenario.publishedTier(creator, 900);
        SubscriptionId subscription = SubscriptionId.random();

        SubscribeToTier.Started started = subscribeToTier.subscribe(subscription, fan, tier, "pm_card_visa");
        SubscriptionView active = scenario.awaitSubscription(subscription.value(),
                view -> view.status() == SubscriptionStatus.ACTIVE, "activation by the signed webhook");
        assertThat(scenario.payment(started.initialPaymentId().value()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription.processed_webhook_event", Long.class))
                .isPositive();

        commands.sendAndWait(new ChangePaymentMethodCommand(subscription, "pm_card_chargeDeclined"));
        scenario.awaitJob(subscription.value(), "RENEW");
        scenario.timeTravel(subscription.value(), "RENEW", null);
        SubscriptionView inGrace = scenario.awaitSubscription(subscription.value(),
                view -> view.status() == SubscriptionStatus.GRACE_PERIOD, "grace after the declined renewal");
        assertThat(inGrace.status().grantsAccess()).isTrue();
        assertThat(scenario.payment(SubscriptionPaymentIds.renewal(subscription, active.currentPeriodEnd()).value())
                .failureCode()).isEqualTo("generic_decline");

        commands.sendAndWait(new ChangePaymentMethodCommand(subscription, "pm_card_visa"));
        scenario.awaitJob(subscription.value(), "RETRY");
        scenario.timeTravel(subscription.value(), "RETRY", 1);
        SubscriptionView recovered = scenario.awaitSubscription(subscription.value(),
                view -> view.status() == SubscriptionStatus.ACTIVE
                        && view.currentPeriodEnd().isAfter(active.currentPeriodEnd()),
                "recovery by the retry, renewed for the next period");
        assertThat(recovered.graceEndsAt()).isNull();
        assertThat(scenario.eventCount(subscription.toString(), "SubscriptionRecovered")).isEqualTo(1);

        // the end of the old grace period, when it comes, changes nothing
        scenario.timeTravel(subscription.value(), "END_GRACE", null);
        assertThat(scenario.subscription(subscription.value()).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(scenario.eventCount(subscription.toString(), "SubscriptionExpired")).isZero();
    }

    @Test
    void aSubscriptionWhoseRetriesAllFailExpiresWhenGraceEnds() {
        UUID creator = UUID.randomUUID();
        UUID fan = UUID.randomUUID();
        TierId tier = scenario.publishedTier(creator, 500);
        SubscriptionId subscription = SubscriptionId.random();
        subscribeToTier.subscribe(subscription, fan, tier, "pm_card_visa");
        scenario.awaitSubscription(subscription.value(), view -> view.status() == SubscriptionStatus.ACTIVE,
                "activation");

        commands.sendAndWait(new ChangePaymentMethodCommand(subscription, "pm_card_chargeDeclinedInsufficientFunds"));
        scenario.awaitJob(subscription.value(), "RENEW");
        scenario.timeTravel(subscription.value(), "RENEW", null);
        scenario.awaitSubscription(subscription.value(), view -> view.status() == SubscriptionStatus.GRACE_PERIOD,
                "grace");
        scenario.awaitJob(subscription.value(), "END_GRACE");
        scenario.timeTravel(subscription.value(), "RETRY", 1);
        scenario.timeTravel(subscription.value(), "END_GRACE", null);

        SubscriptionView expired = scenario.awaitSubscription(subscription.value(),
                view -> view.status() == SubscriptionStatus.EXPIRED, "expiry at the end of grace");
        assertThat(expired.status().grantsAccess()).isFalse();
        assertThat(scenario.eventCount(subscription.toString(), "SubscriptionExpired")).isEqualTo(1);
    }

    @Test
    void aDeclinedFirstPaymentNeverActivates() {
        UUID creator = UUID.randomUUID();
        TierId tier = scenario.publishedTier(creator, 500);
        SubscriptionId subscription = SubscriptionId.random();
        subscribeToTier.subscribe(subscription, UUID.randomUUID(), tier, "pm_card_chargeDeclined");
        scenario.awaitSubscription(subscription.value(), view -> view.status() == SubscriptionStatus.EXPIRED,
                "expiry after the declined first payment");
    }

    @Test
    void subscribingIsRefusedForOneselfAndForASecondSubscriptionToTheSameCreator() {
        UUID creator = UUID.randomUUID();
        UUID fan = UUID.randomUUID();
        TierId tier = scenario.publishedTier(creator, 500);
        assertThatThrownBy(() -> subscribeToTier.subscribe(SubscriptionId.random(), creator, tier, "pm_card_visa"))
                .isInstanceOfSatisfying(SubscriptionProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("own_tier"));

        SubscriptionId first = SubscriptionId.random();
        subscribeToTier.subscribe(first, fan, tier, "pm_card_visa");
        scenario.awaitSubscription(first.value(), view -> view.status() == SubscriptionStatus.ACTIVE, "activation");
        assertThatThrownBy(() -> subscribeToTier.subscribe(SubscriptionId.random(), fan, tier, "pm_card_visa"))
                .isInstanceOfSatisfying(SubscriptionProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("already_subscribed"));
    }
}
