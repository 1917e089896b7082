package io.hyperx.economy.domain;

import io.hyperx.economy.api.SendTipCommand;
import io.hyperx.economy.api.TipId;
import io.hyperx.economy.api.TipSent;
import io.hyperx.kernel.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class TipTest {

    static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    static final TipId TIP = new TipId(UUID.randomUUID());
    static final UUID FAN = UUID.randomUUID();
    static final UUID CREATOR = UUID.randomUUID();

    AggregateTestFixture<Tip> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tip.class);
    }

    static SendTipCommand tip(long minor, String message) {
        return new SendTipCommand(TIP, FAN, CREATOR, Money.of(minor, "USD"), message, true, "pm_card_visa", AT);
    }

    static TipSent sent(long minor, String message) {
        return new TipSent(TIP, FAN, CREATOR, Money.of(minor, "USD"), message, true, Tip.paymentId(TIP),
                "pm_card_visa", AT);
    }

    @Test
    void aTipStartsItsPaymentWithAnIdDerivedFromTheTip() {
        fixture.givenNoPriorActivity().when(tip(500, "thanks")).expectEvents(sent(500, "thanks"));
    }

    @Test
    void theSameTipRequestTwiceIsOneTip() {
        fixture.given(sent(500, "thanks")).when(tip(500, "thanks")).expectNoEvents();
    }

    @Test
    void anotherTipUnderTheSameIdempotencyKeyIsRefused() {
        fixture.given(sent(500, "thanks")).when(tip(700, "thanks"))
                .expectException(EconomyProblem.class).expectExceptionMessage("This Idempotency-Key was used for another tip.");
    }

    @Test
    void cannotTipLessThanOneOrMoreThanTenThousand() {
        fixture.givenNoPriorActivity().when(tip(99, null)).expectException(EconomyProblem.class);
        fixture.givenNoPriorActivity().when(tip(1_000_001, null)).expectException(EconomyProblem.class);
        fixture.givenNoPriorActivity().when(tip(1_000_000, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotTipWithAMessageOverFiveHundredCharacters() {
        fixture.givenNoPriorActivity().when(tip(500, "x".repeat(501))).expectException(EconomyProblem.class);
    }

    @Test
    void cannotTipOneself() {
        fixture.givenNoPriorActivity()
                .when(new SendTipCommand(TIP, CREATOR, CREATOR, Money.of(500, "USD"), null, false, "pm_card_visa", AT))
                .expectException(EconomyProblem.class).expectExceptionMessage("You cannot tip yourself.");
    }
}
