package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CancelSubscriptionNowCommand;
import io.hyperx.subscription.api.ChangePaymentMethodCommand;
import io.hyperx.subscription.api.ChangeTierCommand;
import io.hyperx.subscription.api.EndGracePeriodCommand;
import io.hyperx.subscription.api.ExpiryReason;
import io.hyperx.subscription.api.MigrateSubscriberPriceCommand;
import io.hyperx.subscription.api.PauseSubscriptionCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.RecordSubscriptionPaymentFailedCommand;
import io.hyperx.subscription.api.RecordSubscriptionPaymentSucceededCommand;
import io.hyperx.subscription.api.RenewSubscriptionCommand;
import io.hyperx.subscription.api.RequestCancellationCommand;
import io.hyperx.subscription.api.ResumeSubscriptionCommand;
import io.hyperx.subscription.api.RetrySubscriptionPaymentCommand;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancellationRequested;
import io.hyperx.subscription.api.SubscriptionCancellationResumed;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionDowngradeScheduled;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaused;
import io.hyperx.subscription.api.SubscriptionPausedPeriodSkipped;
import io.hyperx.subscription.api.SubscriptionPaymentMethodChanged;
import io.hyperx.subscription.api.SubscriptionPaymentRetryRequested;
import io.hyperx.subscription.api.SubscriptionPriceChangeScheduled;
import io.hyperx.subscription.api.SubscriptionPriceChanged;
import io.hyperx.subscription.api.SubscriptionRecovered;
import io.hyperx.subscription.api.SubscriptionRenewalRequested;
import io.hyperx.subscription.api.SubscriptionRenewed;
import io.hyperx.subscription.api.SubscriptionStarted;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import io.hyperx.subscription.api.SubscriptionUnpaused;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.UnpauseSubscriptionCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class SubscriptionTest {

    static final SubscriptionId SUB = new SubscriptionId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final UUID FAN = UUID.fromString("00000000-0000-0000-0000-00000000000f");
    static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final TierId SILVER = new TierId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final TierId GOLD = new TierId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    static final TierId BRONZE = new TierId(UUID.fromString("00000000-0000-0000-0000-0000000000a0"));
    static final Money PRICE = Money.of(1000, "USD");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-01T00:00:00Z");
    static final PaymentId INITIAL = SubscriptionPaymentIds.initial(SUB);
    static final PaymentId RENEWAL = SubscriptionPaymentIds.renewal(SUB, T1);
    static final GracePeriodPolicy GRACE = GracePeriodPolicy.ofDays(7, List.of(1, 3, 5));

    AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(GRACE);
    }

    static SubscriptionStarted started() {
        return new SubscriptionStarted(SUB, FAN, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, INITIAL,
                "pm_card_visa", T0);
    }

    static SubscriptionActivated activated() {
        return new SubscriptionActivated(SUB, FAN, CREATOR, SILVER, INITIAL, T0, T1);
    }

    static SubscriptionRenewalRequested renewalRequested() {
        return new SubscriptionRenewalRequested(SUB, FAN, CREATOR, RENEWAL, PRICE, "pm_card_visa", T1);
    }

    static SubscriptionEnteredGracePeriod enteredGrace() {
        return new SubscriptionEnteredGracePeriod(SUB, FAN, CREATOR, RENEWAL, T1.plus(java.time.Duration.ofDays(7)),
                GRACE.retryTimes(T1), T1);
    }

    @Test
    void subscribingStartsPendingWithADeterministicFirstPayment() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new StartSubscriptionCommand(SUB, FAN, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, 0,
                        "pm_card_visa"))
                .expectEvents(started());
    }

    @Test
    void aTierWithTrialDaysStartsTrialingWithoutAFirstPayment() {
        fixture.givenCurrentTime(T0)
                .when(new StartSubscriptionCommand(SUB, FAN, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, 14,
                        "pm_card_visa"))
                .expectEvents(
                        new SubscriptionStarted(SUB, FAN, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, null,
                                "pm_card_visa", T0),
                        new SubscriptionTrialStarted(SUB, FAN, CREATOR, SILVER, T0, Instant.parse("2026-01-15T00:00:00Z")));
    }

    @Test
    void aCreatorCannotSubscribeToTheirOwnTier() {
        fixture.givenNoPriorActivity()
                .when(new StartSubscriptionCommand(SUB, CREATOR, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, 0,
                        "pm_card_visa"))
                .expectException(SubscriptionProblem.class)
                .expectExceptionMessage("Creators cannot subscribe to their own tiers.");
    }

    @Test
    void theFirstPaymentActivatesForOneCalendarMonth() {
        fixture.given(started())
                .when(new RecordSubscriptionPaymentSucceededCommand(SUB, INITIAL, PaymentPurpose.SUBSCRIPTION_INITIAL, T0))
                .expectEvents(activated());
    }

    @Test
    void aSecondSuccessOfTheSamePaymentChangesNothing() {
        fixture.given(started(), activated())
                .when(new RecordSubscriptionPaymentSucceededCommand(SUB, INITIAL, PaymentPurpose.SUBSCRIPTION_INITIAL, T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedFirstPaymentExpiresThePendingSubscription() {
        fixture.given(started())
                .when(new RecordSubscriptionPaymentFailedCommand(SUB, INITIAL, PaymentPurpose.SUBSCRIPTION_INITIAL, T0))
                .expectEvents(new SubscriptionExpired(SUB, FAN, CREATOR, ExpiryReason.INITIAL_PAYMENT_FAILED, T0));
    }

    @Test
    void theEndOfAPeriodRequestsTheRenewalPaymentOnce() {
        fixture.given(started(), activated())
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(renewalRequested());
        fixture.given(started(), activated(), renewalRequested())
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectNoEvents();
    }

    @Test
    void aRenewalDueForAnotherPeriodIsStaleAndIgnored() {
        fixture.given(started(), activated())
                .when(new RenewSubscriptionCommand(SUB, T0))
                .expectNoEvents();
    }

    @Test
    void aSucceededRenewalStartsTheNextPeriodWhereTheLastEnded() {
        fixture.given(started(), activated(), renewalRequested())
                .when(new RecordSubscriptionPaymentSucceededCommand(SUB, RENEWAL, PaymentPurpose.RENEWAL,
                        T1.plusSeconds(30)))
                .expectEvents(new SubscriptionRenewed(SUB, FAN, CREATOR, SILVER, RENEWAL, T1, T2));
    }

    @Test
    void aFailedRenewalEntersTheGracePeriodWithTheConfiguredRetries() {
        fixture.given(started(), activated(), renewalRequested())
                .when(new RecordSubscriptionPaymentFailedCommand(SUB, RENEWAL, PaymentPurpose.RENEWAL, T1))
                .expectEvents(new SubscriptionEnteredGracePeriod(SUB, FAN, CREATOR, RENEWAL,
                        Instant.parse("2026-02-08T00:00:00Z"),
                        List.of(Instant.parse("2026-02-02T00:00:00Z"), Instant.parse("2026-02-04T00:00:00Z"),
                                Instant.parse("2026-02-06T00:00:00Z")), T1));
    }

    @Test
    void aDunningRetryRequestsANewPaymentOncePerAttempt() {
        PaymentId retry = SubscriptionPaymentIds.retry(SUB, RENEWAL, 1);
        SubscriptionPaymentRetryRequested requested = new SubscriptionPaymentRetryRequested(SUB, FAN, CREATOR, retry,
                PRICE, "pm_card_visa", 1, T1.plusSeconds(86400));
        fixture.given(started(), activated(), renewalRequested(), enteredGrace())
                .andGivenCurrentTime(T1.plusSeconds(86400))
                .when(new RetrySubscriptionPaymentCommand(SUB, RENEWAL, 1))
                .expectEvents(requested);
        fixture.given(started(), activated(), renewalRequested(), enteredGrace(), requested)
                .when(new RetrySubscriptionPaymentCommand(SUB, RENEWAL, 1))
                .expectNoEvents();
    }

    @Test
    void aSucceededRetryRecoversAndRenewsFromTheUnpaidPeriod() {
        PaymentId retry = SubscriptionPaymentIds.retry(SUB, RENEWAL, 1);
        fixture.given(started(), activated(), renewalRequested(), enteredGrace(),
                        new SubscriptionPaymentRetryRequested(SUB, FAN, CREATOR, retry, PRICE, "pm_card_visa", 1, T1))
                .when(new RecordSubscriptionPaymentSucceededCommand(SUB, retry, PaymentPurpose.RENEWAL, T1))
                .expectEvents(new SubscriptionRecovered(SUB, FAN, CREATOR, retry, T1),
                        new SubscriptionRenewed(SUB, FAN, CREATOR, SILVER, retry, T1, T2));
    }

    @Test
    void aFailedRetryKeepsTheGracePeriod() {
        PaymentId retry = SubscriptionPaymentIds.retry(SUB, RENEWAL, 1);
        fixture.given(started(), activated(), renewalRequested(), enteredGrace(),
                        new SubscriptionPaymentRetryRequested(SUB, FAN, CREATOR, retry, PRICE, "pm_card_visa", 1, T1))
                .when(new RecordSubscriptionPaymentFailedCommand(SUB, retry, PaymentPurpose.RENEWAL, T1))
                .expectNoEvents();
    }

    @Test
    void theEndOfGraceExpiresAnUnpaidSubscription() {
        fixture.given(started(), activated(), renewalRequested(), enteredGrace())
                .andGivenCurrentTime(T1.plusSeconds(7 * 86400))
                .when(new EndGracePeriodCommand(SUB, RENEWAL))
                .expectEvents(new SubscriptionExpired(SUB, FAN, CREATOR, ExpiryReason.GRACE_PERIOD_ENDED,
                        T1.plusSeconds(7 * 86400)));
    }

    @Test
    void theEndOfGraceAfterRecoveryChangesNothing() {
        fixture.given(started(), activated(), renewalRequested(), enteredGrace(),
                        new SubscriptionRecovered(SUB, FAN, CREATOR, RENEWAL, T1),
                        new SubscriptionRenewed(SUB, FAN, CREATOR, SILVER, RENEWAL, T1, T2))
                .when(new EndGracePeriodCommand(SUB, RENEWAL))
                .expectNoEvents();
    }

    @Test
    void cancellingTakesEffectAtPeriodEnd() {
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0.plusSeconds(3600))
                .when(new RequestCancellationCommand(SUB))
                .expectEvents(new SubscriptionCancellationRequested(SUB, FAN, CREATOR, T1, T0.plusSeconds(3600)));
        fixture.given(started(), activated(),
                        new SubscriptionCancellationRequested(SUB, FAN, CREATOR, T1, T0))
                .andGivenCurrentTime(T1)
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(new SubscriptionCancelled(SUB, FAN, CREATOR, T1));
    }

    @Test
    void resumingBeforePeriodEndKeepsRenewing() {
        fixture.given(started(), activated(), new SubscriptionCancellationRequested(SUB, FAN, CREATOR, T1, T0))
                .andGivenCurrentTime(T0)
                .when(new ResumeSubscriptionCommand(SUB))
                .expectEvents(new SubscriptionCancellationResumed(SUB, FAN, CREATOR, T0));
        fixture.given(started(), activated(), new SubscriptionCancellationRequested(SUB, FAN, CREATOR, T1, T0),
                        new SubscriptionCancellationResumed(SUB, FAN, CREATOR, T0))
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(renewalRequested());
    }

    @Test
    void anEndedSubscriptionCannotBeResumed() {
        fixture.given(started(), activated(), new SubscriptionCancelled(SUB, FAN, CREATOR, T1))
                .when(new ResumeSubscriptionCommand(SUB))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void theProcessorDeletingTheSubscriptionCancelsItOnce() {
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0)
                .when(new CancelSubscriptionNowCommand(SUB))
                .expectEvents(new SubscriptionCancelled(SUB, FAN, CREATOR, T0));
        fixture.given(started(), activated(), new SubscriptionCancelled(SUB, FAN, CREATOR, T0))
                .when(new CancelSubscriptionNowCommand(SUB))
                .expectNoEvents();
    }

    @Test
    void aPausedPeriodEndsWithoutACharge() {
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0)
                .when(new PauseSubscriptionCommand(SUB))
                .expectEvents(new SubscriptionPaused(SUB, FAN, CREATOR, T0));
        fixture.given(started(), activated(), new SubscriptionPaused(SUB, FAN, CREATOR, T0))
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(new SubscriptionPausedPeriodSkipped(SUB, T1, T2));
    }

    @Test
    void unpausingContinuesAndRenewsAtTheNextPeriodEnd() {
        fixture.given(started(), activated(), new SubscriptionPaused(SUB, FAN, CREATOR, T0),
                        new SubscriptionPausedPeriodSkipped(SUB, T1, T2))
                .andGivenCurrentTime(T1)
                .when(new UnpauseSubscriptionCommand(SUB))
                .expectEvents(new SubscriptionUnpaused(SUB, FAN, CREATOR, T1));
        fixture.given(started(), activated(), new SubscriptionPaused(SUB, FAN, CREATOR, T0),
                        new SubscriptionPausedPeriodSkipped(SUB, T1, T2), new SubscriptionUnpaused(SUB, FAN, CREATOR, T1))
                .when(new RenewSubscriptionCommand(SUB, T2))
                .expectEvents(new SubscriptionRenewalRequested(SUB, FAN, CREATOR,
                        SubscriptionPaymentIds.renewal(SUB, T2), PRICE, "pm_card_visa", T2));
    }

    @Test
    void aPendingSubscriptionCannotBePaused() {
        fixture.given(started())
                .when(new PauseSubscriptionCommand(SUB))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void anUpgradeTakesEffectAtOnceWithAnExactProratedCharge() {
        Instant halfway = Instant.parse("2026-01-16T12:00:00Z"); // 15.5 of 31 days elapsed
        Money gold = Money.of(2001, "USD");
        Money expected = gold.minus(PRICE).allocate(15 * 86400 + 12 * 3600, 15 * 86400 + 12 * 3600).get(0);
        fixture.given(started(), activated())
                .andGivenCurrentTime(halfway)
                .when(new ChangeTierCommand(SUB, GOLD, gold, 3))
                .expectEvents(new SubscriptionTierChanged(SUB, FAN, CREATOR, SILVER, GOLD, 3, gold,
                        SubscriptionPaymentIds.proration(SUB, GOLD, T1), Money.of(501, "USD"), "pm_card_visa",
                        halfway));
        org.assertj.core.api.Assertions.assertThat(expected).isEqualTo(Money.of(501, "USD"));
    }

    @Test
    void aDowngradeWaitsForThePeriodEndAndThenRenewsAtTheLowerPrice() {
        Money bronze = Money.of(500, "USD");
        SubscriptionDowngradeScheduled scheduled = new SubscriptionDowngradeScheduled(SUB, FAN, CREATOR, BRONZE, 1,
                bronze, T1, T0);
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0)
                .when(new ChangeTierCommand(SUB, BRONZE, bronze, 1))
                .expectEvents(scheduled);
        fixture.given(started(), activated(), scheduled)
                .andGivenCurrentTime(T1)
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(new SubscriptionTierChanged(SUB, FAN, CREATOR, SILVER, BRONZE, 1, bronze, null, null,
                                "pm_card_visa", T1),
                        new SubscriptionRenewalRequested(SUB, FAN, CREATOR, RENEWAL, bronze, "pm_card_visa", T1));
    }

    @Test
    void aTierInAnotherCurrencyIsRefused() {
        fixture.given(started(), activated())
                .when(new ChangeTierCommand(SUB, GOLD, Money.of(2000, "EUR"), 3))
                .expectException(SubscriptionProblem.class)
                .expectExceptionMessage("The new tier is priced in EUR, the subscription in USD.");
    }

    @Test
    void changingThePaymentMethodAppliesToLaterCharges() {
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0)
                .when(new ChangePaymentMethodCommand(SUB, "pm_card_chargeDeclined"))
                .expectEvents(new SubscriptionPaymentMethodChanged(SUB, "pm_card_chargeDeclined", T0));
        fixture.given(started(), activated(), new SubscriptionPaymentMethodChanged(SUB, "pm_card_chargeDeclined", T0))
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(new SubscriptionRenewalRequested(SUB, FAN, CREATOR, RENEWAL, PRICE,
                        "pm_card_chargeDeclined", T1));
    }

    @Test
    void theEndOfATrialRequestsTheFirstCharge() {
        Instant trialEnd = Instant.parse("2026-01-15T00:00:00Z");
        fixture.given(new SubscriptionStarted(SUB, FAN, CREATOR, SILVER, 2, PRICE, BillingInterval.MONTHLY, null,
                        "pm_card_visa", T0),
                        new SubscriptionTrialStarted(SUB, FAN, CREATOR, SILVER, T0, trialEnd))
                .when(new RenewSubscriptionCommand(SUB, trialEnd))
                .expectEvents(new SubscriptionRenewalRequested(SUB, FAN, CREATOR,
                        SubscriptionPaymentIds.renewal(SUB, trialEnd), PRICE, "pm_card_visa", trialEnd));
    }

    @Test
    void aPriceMigrationWaitsForTheNextRenewal() {
        Money newPrice = Money.of(1200, "USD");
        SubscriptionPriceChangeScheduled scheduled = new SubscriptionPriceChangeScheduled(SUB, FAN, CREATOR, SILVER,
                newPrice, T1, T0);
        fixture.given(started(), activated())
                .andGivenCurrentTime(T0)
                .when(new MigrateSubscriberPriceCommand(SUB, SILVER, newPrice))
                .expectEvents(scheduled);
        fixture.given(started(), activated(), scheduled)
                .when(new MigrateSubscriberPriceCommand(SUB, SILVER, newPrice))
                .expectNoEvents();
        fixture.given(started(), activated(), scheduled)
                .andGivenCurrentTime(T1)
                .when(new RenewSubscriptionCommand(SUB, T1))
                .expectEvents(new SubscriptionPriceChanged(SUB, FAN, CREATOR, PRICE, newPrice, T1),
                        new SubscriptionRenewalRequested(SUB, FAN, CREATOR, RENEWAL, newPrice, "pm_card_visa", T1));
    }

    @Test
    void aPriceMigrationForATierTheFanHasLeftChangesNothing() {
        fixture.given(started(), activated())
                .when(new MigrateSubscriberPriceCommand(SUB, GOLD, Money.of(1200, "USD")))
                .expectNoEvents();
    }
}
