package io.hyperx.subscription.domain;

import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.DisputeReported;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.RecordPaymentFailedCommand;
import io.hyperx.subscription.api.RecordPaymentSucceededCommand;
import io.hyperx.subscription.api.RecordRefundTotalCommand;
import io.hyperx.subscription.api.RefundPaymentCommand;
import io.hyperx.subscription.api.ReportDisputeCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class PaymentTest {

    static final PaymentId PAYMENT = new PaymentId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final UUID REF = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID PAYER = UUID.fromString("00000000-0000-0000-0000-00000000000f");
    static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final Money GROSS = Money.of(1000, "USD");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-01T00:00:05Z");

    AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    static PaymentInitiated initiated() {
        return new PaymentInitiated(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS, "pm_card_visa", T0);
    }

    static PaymentSucceeded succeeded(Money fee) {
        return new PaymentSucceeded(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS, fee, T1);
    }

    static UUID refundId(long total) {
        return Ids.deterministic("payment-refund", PAYMENT.toString(), Long.toString(total));
    }

    @Test
    void initiatingStartsThePayment() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new InitiatePaymentCommand(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS, "pm_card_visa"))
                .expectEvents(initiated());
    }

    @Test
    void initiatingTheSamePaymentTwiceStartsItOnce() {
        fixture.given(initiated())
                .when(new InitiatePaymentCommand(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS, "pm_card_visa"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentOfNothingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new InitiatePaymentCommand(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, Money.of(0, "USD"),
                        "pm_card_visa"))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void aCaptureSucceedsWithTheProcessorFee() {
        fixture.given(initiated())
                .when(new RecordPaymentSucceededCommand(PAYMENT, "pi_1", Money.of(59, "USD"), T1))
                .expectEvents(succeeded(Money.of(59, "USD")));
    }

    @Test
    void aSecondSucceededReportEmitsNothing() {
        fixture.given(initiated(), succeeded(null))
                .when(new RecordPaymentSucceededCommand(PAYMENT, "pi_1", null, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeclineFailsThePayment() {
        fixture.given(initiated())
                .when(new RecordPaymentFailedCommand(PAYMENT, "card_declined", T1))
                .expectEvents(new PaymentFailed(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS,
                        "card_declined", T1));
    }

    @Test
    void aFailureReportedAfterTheSuccessIsStale() {
        fixture.given(initiated(), succeeded(null))
                .when(new RecordPaymentFailedCommand(PAYMENT, "card_declined", T1))
                .expectNoEvents();
    }

    @Test
    void aSuccessAfterAFailureWinsBecauseTheProcessorRetried() {
        fixture.given(initiated(), new PaymentFailed(PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS,
                        "card_declined", T0))
                .when(new RecordPaymentSucceededCommand(PAYMENT, "pi_1", null, T1))
                .expectEvents(succeeded(null));
    }

    @Test
    void severalPartialRefundsMayAddUpToTheGross() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        PaymentRefunded firstRefund = new PaymentRefunded(first, PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR,
                Money.of(300, "USD"), Money.of(300, "USD"), T1);
        fixture.given(initiated(), succeeded(null))
                .when(new RefundPaymentCommand(PAYMENT, first, Money.of(300, "USD"), T1))
                .expectEvents(firstRefund);
        fixture.given(initiated(), succeeded(null), firstRefund)
                .when(new RefundPaymentCommand(PAYMENT, second, Money.of(700, "USD"), T1))
                .expectEvents(new PaymentRefunded(second, PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR,
                        Money.of(700, "USD"), GROSS, T1));
    }

    @Test
    void cannotRefundMoreThanThePayment() {
        fixture.given(initiated(), succeeded(null), new PaymentRefunded(UUID.randomUUID(), PAYMENT,
                        PaymentPurpose.TIP, REF, PAYER, CREATOR, Money.of(600, "USD"), Money.of(600, "USD"), T1))
                .when(new RefundPaymentCommand(PAYMENT, UUID.randomUUID(), Money.of(401, "USD"), T1))
                .expectException(SubscriptionProblem.class)
                .expectExceptionMessage("Refunds would total 10.01 USD of a 10.00 USD payment.");
    }

    @Test
    void theSameRefundTwiceRefundsOnce() {
        UUID refund = UUID.randomUUID();
        fixture.given(initiated(), succeeded(null), new PaymentRefunded(refund, PAYMENT, PaymentPurpose.TIP, REF,
                        PAYER, CREATOR, Money.of(300, "USD"), Money.of(300, "USD"), T1))
                .when(new RefundPaymentCommand(PAYMENT, refund, Money.of(300, "USD"), T1))
                .expectNoEvents();
    }

    @Test
    void anUncapturedPaymentCannotBeRefunded() {
        fixture.given(initiated())
                .when(new RefundPaymentCommand(PAYMENT, UUID.randomUUID(), Money.of(300, "USD"), T1))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void processorRefundTotalsRefundOnlyTheDifference() {
        PaymentRefunded first = new PaymentRefunded(refundId(300), PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR,
                Money.of(300, "USD"), Money.of(300, "USD"), T1);
        fixture.given(initiated(), succeeded(null), first)
                .when(new RecordRefundTotalCommand(PAYMENT, Money.of(500, "USD"), T1))
                .expectEvents(new PaymentRefunded(refundId(500), PAYMENT, PaymentPurpose.TIP, REF, PAYER, CREATOR,
                        Money.of(200, "USD"), Money.of(500, "USD"), T1));
    }

    @Test
    void anOlderRefundTotalArrivingLateChangesNothing() {
        fixture.given(initiated(), succeeded(null), new PaymentRefunded(refundId(500), PAYMENT, PaymentPurpose.TIP,
                        REF, PAYER, CREATOR, Money.of(500, "USD"), Money.of(500, "USD"), T1))
                .when(new RecordRefundTotalCommand(PAYMENT, Money.of(300, "USD"), T1))
                .expectNoEvents();
    }

    @Test
    void aRefundReportedBeforeTheSuccessRecordsTheCaptureFirst() {
        fixture.given(initiated())
                .when(new RecordRefundTotalCommand(PAYMENT, Money.of(1000, "USD"), T1))
                .expectEvents(succeeded(null), new PaymentRefunded(refundId(1000), PAYMENT, PaymentPurpose.TIP, REF,
                        PAYER, CREATOR, GROSS, GROSS, T1));
        fixture.given(initiated(), succeeded(null), new PaymentRefunded(refundId(1000), PAYMENT, PaymentPurpose.TIP,
                        REF, PAYER, CREATOR, GROSS, GROSS, T1))
                .when(new RecordPaymentSucceededCommand(PAYMENT, "pi_1", null, T1))
                .expectNoEvents();
    }

    @Test
    void aDisputeIsReportedOncePerProviderDispute() {
        DisputeReported reported = new DisputeReported(Ids.deterministic("payment-dispute", "dp_1"), PAYMENT,
                PaymentPurpose.TIP, REF, PAYER, CREATOR, GROSS, "fraudulent", "dp_1", T1);
        fixture.given(initiated(), succeeded(null))
                .when(new ReportDisputeCommand(PAYMENT, "dp_1", GROSS, "fraudulent", T1))
                .expectEvents(reported);
        fixture.given(initiated(), succeeded(null), reported)
                .when(new ReportDisputeCommand(PAYMENT, "dp_1", GROSS, "fraudulent", T1))
                .expectNoEvents();
    }
}
