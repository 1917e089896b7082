package io.hyperx.economy.domain;

import io.hyperx.economy.api.CompletePayoutCommand;
import io.hyperx.economy.api.ChangeCreatorFeesCommand;
import io.hyperx.economy.api.CreatorFeesChanged;
import io.hyperx.economy.api.FailPayoutCommand;
import io.hyperx.economy.api.HoldReleased;
import io.hyperx.economy.api.JournalEntry;
import io.hyperx.economy.api.LedgerAccounts;
import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.api.PayoutAttemptFailed;
import io.hyperx.economy.api.PayoutCompleted;
import io.hyperx.economy.api.PayoutDestinationRegistered;
import io.hyperx.economy.api.PayoutDestinationRemoved;
import io.hyperx.economy.api.PayoutFailed;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.api.PayoutRequested;
import io.hyperx.economy.api.Posting;
import io.hyperx.economy.api.RecordPaymentCreditCommand;
import io.hyperx.economy.api.RecordPayoutAttemptFailureCommand;
import io.hyperx.economy.api.RecordRefundDebitCommand;
import io.hyperx.economy.api.RefundDebited;
import io.hyperx.economy.api.RegisterPayoutDestinationCommand;
import io.hyperx.economy.api.ReleaseHoldCommand;
import io.hyperx.economy.api.RemovePayoutDestinationCommand;
import io.hyperx.economy.api.RequestPayoutCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WalletTest {

    static final Instant PAID_AT = Instant.parse("2026-11-01T10:00:00Z");
    static final UUID CREATOR = UUID.randomUUID();
    static final WalletId WALLET = WalletId.of(CREATOR);
    static final PaymentId PAYMENT = new PaymentId(UUID.randomUUID());
    static final UUID TIP = UUID.randomUUID();
    static final UUID PAYER = UUID.randomUUID();
    static final UUID BANK = UUID.randomUUID();
    static final PayoutDestinationRegistered DESTINATION = new PayoutDestinationRegistered(WALLET, BANK, PAID_AT);

    AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
        fixture.registerInjectableResource(FeeSchedule.defaults());
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    static RecordPaymentCreditCommand payment(long grossMinor, Money processorFee) {
        return new RecordPaymentCreditCommand(WALLET, PAYMENT, PaymentPurpose.TIP, TIP, PAYER,
                usd(grossMinor), processorFee, PAID_AT);
    }

    /** 100.00 with the estimated fee: 3.20 processor, 5.00 platform, 1.00 charity, 90.80 net. */
    static PaymentCredited credited10000() {
        return credited10000(PAYMENT);
    }

    static PaymentCredited credited10000(PaymentId payment) {
        return new PaymentCredited(WALLET, new JournalEntry(Wallet.paymentEntryId(payment), "payment", List.of(
                Posting.debit(LedgerAccounts.GATEWAY_CLEARING, usd(10_000)),
                Posting.credit(LedgerAccounts.PROCESSOR_FEES, usd(320)),
                Posting.credit(LedgerAccounts.PLATFORM_FEES, usd(500)),
                Posting.credit(LedgerAccounts.PLATFORM_CHARITY, usd(100)),
                Posting.credit(LedgerAccounts.pending(CREATOR), usd(9_080)))),
                payment, PaymentPurpose.TIP, TIP, PAYER, usd(10_000), usd(320), usd(500), usd(100), usd(9_080),
                PAID_AT.plus(Duration.ofDays(7)), PAID_AT);
    }

    static HoldReleased released(long minor) {
        return new HoldReleased(WALLET, new JournalEntry(Wallet.releaseEntryId(PAYMENT), "hold-release", List.of(
                Posting.debit(LedgerAccounts.pending(CREATOR), usd(minor)),
                Posting.credit(LedgerAccounts.available(CREATOR), usd(minor)))), PAYMENT, usd(minor), PAID_AT);
    }

    @Test
    void aSucceededPaymentIsSplitIntoFeesCharityAndPendingNet() {
        fixture.givenNoPriorActivity()
                .when(payment(10_000, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(credited10000());
    }

    @Test
    void theProcessorFeeReportedWithThePaymentReplacesTheEstimate() {
        fixture.givenNoPriorActivity()
                .when(payment(10_000, usd(250)))
                .expectEventsMatching(payloads(event -> {
                    PaymentCredited credited = (PaymentCredited) event;
                    assertThat(credited.processorFee()).isEqualTo(usd(250));
                    assertThat(credited.net()).isEqualTo(usd(10_000 - 250 - 500 - 100));
                }));
    }

    @Test
    void theSamePaymentCreditedTwiceWritesOneEntry() {
        fixture.given(credited10000())
                .when(payment(10_000, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCreatorWhoChoseNoCharityKeepsTheCharityShare() {
        fixture.given(new CreatorFeesChanged(WALLET, null, 0, PAID_AT))
                .when(payment(10_000, null))
                .expectEventsMatching(payloads(event -> {
                    PaymentCredited credited = (PaymentCredited) event;
                    assertThat(credited.charity()).isEqualTo(usd(0));
                    assertThat(credited.net()).isEqualTo(usd(9_180));
                    assertThat(credited.entry().postings()).noneMatch(
                            p -> p.account().equals(LedgerAccounts.PLATFORM_CHARITY));
                }));
    }

    @Test
    void aPerCreatorPlatformFeeOverridesTheDefault() {
        fixture.given(new CreatorFeesChanged(WALLET, 300, null, PAID_AT))
                .when(payment(10_000, null))
                .expectEventsMatching(payloads(event ->
                        assertThat(((PaymentCredited) event).platformFee()).isEqualTo(usd(300))));
    }

    @Test
    void feeSettingsOutOfRangeAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCreatorFeesCommand(WALLET, null, 10_001, PAID_AT))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aRefundDuringTheHoldComesProportionallyOutOfPending() {
        UUID refund = UUID.randomUUID();
        fixture.given(credited10000())
                .when(new RecordRefundDebitCommand(WALLET, PAYMENT, refund, usd(5_000), usd(5_000), PAID_AT))
                .expectEvents(new RefundDebited(WALLET, new JournalEntry(Wallet.refundEntryId(refund), "refund",
                        List.of(Posting.debit(LedgerAccounts.PROCESSOR_FEES, usd(160)),
                                Posting.debit(LedgerAccounts.PLATFORM_FEES, usd(250)),
                                Posting.debit(LedgerAccounts.PLATFORM_CHARITY, usd(50)),
                                Posting.debit(LedgerAccounts.pending(CREATOR), usd(4_540)),
                                Posting.credit(LedgerAccounts.REFUNDS, usd(5_000)))),
                        PAYMENT, refund, usd(5_000), usd(4_540), true, PAID_AT));
    }

    @Test
    void aRefundAfterTheHoldComesOutOfAvailable() {
        UUID refund = UUID.randomUUID();
        fixture.given(credited10000(), released(9_080))
                .when(new RecordRefundDebitCommand(WALLET, PAYMENT, refund, usd(10_000), usd(10_000), PAID_AT))
                .expectEventsMatching(payloads(event -> {
                    RefundDebited debited = (RefundDebited) event;
                    assertThat(debited.fromPending()).isFalse();
                    assertThat(debited.netReversed()).isEqualTo(usd(9_080));
                    assertThat(debited.entry().postings()).contains(
                            Posting.debit(LedgerAccounts.available(CREATOR), usd(9_080)));
                }));
    }

    @Test
    void aRefundBeyondTheAvailableBalanceIsOwedThroughTheReceivableNeverMakingAvailableNegative() {
        UUID refund = UUID.randomUUID();
        PayoutId payout = new PayoutId(UUID.randomUUID());
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 0))
                .when(new RecordRefundDebitCommand(WALLET, PAYMENT, refund, usd(10_000), usd(10_000), PAID_AT))
                .expectEvents(new RefundDebited(WALLET, new JournalEntry(Wallet.refundEntryId(refund), "refund",
                        List.of(Posting.debit(LedgerAccounts.PROCESSOR_FEES, usd(320)),
                                Posting.debit(LedgerAccounts.PLATFORM_FEES, usd(500)),
                                Posting.debit(LedgerAccounts.PLATFORM_CHARITY, usd(100)),
                                Posting.debit(LedgerAccounts.available(CREATOR), usd(4_080)),
                                Posting.debit(LedgerAccounts.receivable(CREATOR), usd(5_000)),
                                Posting.credit(LedgerAccounts.REFUNDS, usd(10_000)))),
                        PAYMENT, refund, usd(10_000), usd(9_080), false, PAID_AT));
    }

    @Test
    void moneyBecomingAvailableRepaysTheReceivableFirst() {
        UUID refund = UUID.randomUUID();
        PayoutId payout = new PayoutId(UUID.randomUUID());
        PaymentId next = new PaymentId(UUID.randomUUID());
        // half the payment refunded after its net was all paid out: 45.40 owed
        RefundDebited owed = new RefundDebited(WALLET, new JournalEntry(Wallet.refundEntryId(refund), "refund",
                List.of(Posting.debit(LedgerAccounts.PROCESSOR_FEES, usd(160)),
                        Posting.debit(LedgerAccounts.PLATFORM_FEES, usd(250)),
                        Posting.debit(LedgerAccounts.PLATFORM_CHARITY, usd(50)),
                        Posting.debit(LedgerAccounts.receivable(CREATOR), usd(4_540)),
                        Posting.credit(LedgerAccounts.REFUNDS, usd(5_000)))),
                PAYMENT, refund, usd(5_000), usd(4_540), false, PAID_AT);
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 9_080, 0), owed,
                        credited10000(next))
                .when(new ReleaseHoldCommand(WALLET, next, PAID_AT))
                .expectEvents(new HoldReleased(WALLET, new JournalEntry(Wallet.releaseEntryId(next), "hold-release",
                        List.of(Posting.debit(LedgerAccounts.pending(CREATOR), usd(9_080)),
                                Posting.credit(LedgerAccounts.receivable(CREATOR), usd(4_540)),
                                Posting.credit(LedgerAccounts.available(CREATOR), usd(4_540)))),
                        next, usd(9_080), PAID_AT));
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 9_080, 0), owed)
                .when(new FailPayoutCommand(WALLET, payout, "account_closed", PAID_AT))
                .expectEvents(new PayoutFailed(WALLET, new JournalEntry(Wallet.payoutEntryId(payout, "fail"),
                        "payout-fail", List.of(Posting.debit(LedgerAccounts.reserved(CREATOR), usd(9_080)),
                        Posting.credit(LedgerAccounts.receivable(CREATOR), usd(4_540)),
                        Posting.credit(LedgerAccounts.available(CREATOR), usd(4_540)))), payout, usd(9_080),
                        "account_closed", PAID_AT));
    }

    @Test
    void theSameRefundTwiceWritesOneEntry() {
        UUID refund = UUID.randomUUID();
        fixture.given(credited10000(), new RefundDebited(WALLET, new JournalEntry(Wallet.refundEntryId(refund),
                        "refund", List.of(Posting.debit(LedgerAccounts.pending(CREATOR), usd(100)),
                        Posting.credit(LedgerAccounts.REFUNDS, usd(100)))), PAYMENT, refund, usd(100), usd(100), true,
                        PAID_AT))
                .when(new RecordRefundDebitCommand(WALLET, PAYMENT, refund, usd(100), usd(100), PAID_AT))
                .expectNoEvents();
    }

    @Test
    void releasingTheHoldMovesWhatIsLeftOfTheNetToAvailableOnce() {
        UUID refund = UUID.randomUUID();
        fixture.given(credited10000(), new RefundDebited(WALLET, new JournalEntry(Wallet.refundEntryId(refund),
                        "refund", List.of(Posting.debit(LedgerAccounts.pending(CREATOR), usd(80)),
                        Posting.credit(LedgerAccounts.REFUNDS, usd(80)))), PAYMENT, refund, usd(80), usd(80), true,
                        PAID_AT))
                .when(new ReleaseHoldCommand(WALLET, PAYMENT, PAID_AT))
                .expectEvents(released(9_000));
        fixture.given(credited10000(), released(9_080))
                .when(new ReleaseHoldCommand(WALLET, PAYMENT, PAID_AT))
                .expectNoEvents();
    }

    @Test
    void cannotPayOutMoreThanAvailable() {
        fixture.given(credited10000(), released(9_080), DESTINATION)
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(9_081), PAID_AT))
                .expectNoEvents()
                .expectException(PayoutPolicy.InsufficientFunds.class)
                .expectExceptionMessage("Requested 90.81 USD but only 90.80 USD is available.");
    }

    @Test
    void cannotPayOutPendingMoney() {
        fixture.given(credited10000(), DESTINATION)
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(2_000), PAID_AT))
                .expectException(PayoutPolicy.InsufficientFunds.class);
    }

    @Test
    void cannotPayOutLessThanTheMinimum() {
        fixture.given(credited10000(), released(9_080), DESTINATION)
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(999), PAID_AT))
                .expectException(EconomyProblem.class)
                .expectExceptionMessage("The smallest payout is 10.00 USD.");
    }

    @Test
    void aPayoutReservesTheAmountAndChargesTheInstantFee() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        fixture.given(credited10000(), released(9_080), DESTINATION)
                .when(new RequestPayoutCommand(WALLET, payout, usd(5_000), PAID_AT))
                .expectEvents(requested(payout, 5_000, 50));
    }

    @Test
    void aSecondPayoutCannotSpendWhatTheFirstReserved() {
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(new PayoutId(UUID.randomUUID()), 5_448, 54))
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(5_448), PAID_AT))
                .expectException(PayoutPolicy.InsufficientFunds.class)
                .expectExceptionMessage("Requested 54.48 USD but only 36.32 USD is available.");
    }

    @Test
    void theSamePayoutRequestTwiceReservesOnceAndAnotherAmountUnderTheSameKeyIsRefused() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50))
                .when(new RequestPayoutCommand(WALLET, payout, usd(5_000), PAID_AT))
                .expectNoEvents();
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50))
                .when(new RequestPayoutCommand(WALLET, payout, usd(6_000), PAID_AT))
                .expectException(EconomyProblem.class);
    }

    @Test
    void aCompletedPayoutLeavesReservedForPayoutsSentAndTheFee() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50))
                .when(new CompletePayoutCommand(WALLET, payout, "po_sim_1", PAID_AT))
                .expectEvents(new PayoutCompleted(WALLET, new JournalEntry(Wallet.payoutEntryId(payout, "complete"),
                        "payout-complete", List.of(Posting.debit(LedgerAccounts.reserved(CREATOR), usd(5_000)),
                        Posting.credit(LedgerAccounts.PAYOUTS_SENT, usd(4_950)),
                        Posting.credit(LedgerAccounts.PLATFORM_FEES, usd(50)))), payout, usd(5_000), usd(50),
                        "po_sim_1", PAID_AT));
    }

    @Test
    void aFailedPayoutReturnsTheReservedFundsOnceAndCannotCompleteAfterwards() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        PayoutFailed failed = new PayoutFailed(WALLET, new JournalEntry(Wallet.payoutEntryId(payout, "fail"),
                "payout-fail", List.of(Posting.debit(LedgerAccounts.reserved(CREATOR), usd(5_000)),
                Posting.credit(LedgerAccounts.available(CREATOR), usd(5_000)))), payout, usd(5_000), "account_closed",
                PAID_AT);
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50))
                .when(new FailPayoutCommand(WALLET, payout, "account_closed", PAID_AT))
                .expectEvents(failed);
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50), failed)
                .when(new CompletePayoutCommand(WALLET, payout, "po_sim_1", PAID_AT))
                .expectNoEvents();
        // the returned funds can be paid out again
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50), failed)
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(9_080), PAID_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotPayOutWithoutAPayoutDestination() {
        fixture.given(credited10000(), released(9_080))
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(5_000), PAID_AT))
                .expectNoEvents()
                .expectException(EconomyProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("payout destination"));
        fixture.given(credited10000(), released(9_080), DESTINATION,
                        new PayoutDestinationRemoved(WALLET, BANK, PAID_AT))
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(5_000), PAID_AT))
                .expectException(EconomyProblem.class);
    }

    @Test
    void aDestinationIsRegisteredAndRemovedOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPayoutDestinationCommand(WALLET, BANK, PAID_AT))
                .expectEvents(DESTINATION);
        fixture.given(DESTINATION)
                .when(new RegisterPayoutDestinationCommand(WALLET, BANK, PAID_AT))
                .expectNoEvents();
        fixture.given(DESTINATION, new PayoutDestinationRemoved(WALLET, BANK, PAID_AT))
                .when(new RemovePayoutDestinationCommand(WALLET, BANK, PAID_AT))
                .expectNoEvents();
    }

    @Test
    void theDailyAutoPayoutPaysNoInstantFee() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        fixture.given(credited10000(), released(9_080), DESTINATION)
                .when(new RequestPayoutCommand(WALLET, payout, usd(9_080), false, PAID_AT))
                .expectEvents(requested(payout, 9_080, 0));
    }

    @Test
    void aFailedAttemptKeepsTheFundsReservedAndIsRecordedOnce() {
        PayoutId payout = new PayoutId(UUID.randomUUID());
        Instant retryAt = PAID_AT.plus(Duration.ofMinutes(10));
        PayoutAttemptFailed first = new PayoutAttemptFailed(WALLET, payout, 1, "bank_unavailable", retryAt, PAID_AT);
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50))
                .when(new RecordPayoutAttemptFailureCommand(WALLET, payout, 1, "bank_unavailable", retryAt, PAID_AT))
                .expectEvents(first);
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50), first)
                .when(new RecordPayoutAttemptFailureCommand(WALLET, payout, 1, "bank_unavailable", retryAt, PAID_AT))
                .expectNoEvents();
        // still reserved: the rest is all that can be paid out meanwhile
        fixture.given(credited10000(), released(9_080), DESTINATION, requested(payout, 5_000, 50), first)
                .when(new RequestPayoutCommand(WALLET, new PayoutId(UUID.randomUUID()), usd(4_081), PAID_AT))
                .expectException(PayoutPolicy.InsufficientFunds.class);
    }

    static PayoutRequested requested(PayoutId payout, long minor, long feeMinor) {
        return new PayoutRequested(WALLET, new JournalEntry(Wallet.payoutEntryId(payout, "reserve"), "payout-reserve",
                List.of(Posting.debit(LedgerAccounts.available(CREATOR), usd(minor)),
                        Posting.credit(LedgerAccounts.reserved(CREATOR), usd(minor)))), payout, usd(minor),
                usd(feeMinor), PAID_AT);
    }

    /** Matches exactly one event and checks its payload with assertions. */
    static org.hamcrest.Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> payloads(
            java.util.function.Consumer<Object> check) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<org.axonframework.eventhandling.EventMessage<?>> events) {
                assertThat(events).hasSize(1);
                check.accept(events.get(0).getPayload());
                return true;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("one event passing the assertions");
            }
        };
    }
}
