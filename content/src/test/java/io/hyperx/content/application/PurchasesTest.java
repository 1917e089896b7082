package io.hyperx.content.application;

import io.hyperx.kernel.DomainException;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Purchases and pay-per-view unlocks ask the fraud rules before their payment starts. */
class PurchasesTest {

    static final UUID ITEM = UUID.randomUUID();
    static final UUID FAN = UUID.randomUUID();
    static final UUID CREATOR = UUID.randomUUID();
    static final Money PRICE = Money.of(1_500, "USD");

    CommandGateway commands;
    QueryGateway queries;
    Purchases purchases;

    @BeforeEach
    void setUp() {
        commands = mock(CommandGateway.class);
        queries = mock(QueryGateway.class);
        purchases = new Purchases(commands, queries);
    }

    void riskIs(PaymentRiskAssessment verdict) {
        when(queries.query(any(AssessPaymentRiskQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(verdict));
    }

    @Test
    void aBlockedPurchaseIsRefusedWith403AndTheRulesCodeAndNoPaymentStarts() {
        riskIs(new PaymentRiskAssessment(true, "account_suspended", "The payment was blocked: payer is suspended."));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> purchases.start(
                PaymentPurpose.PRODUCT_PURCHASE, ITEM, FAN, CREATOR, PRICE, "pm_card_visa", "key-1"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("account_suspended");
        verifyNoInteractions(commands);
    }

    @Test
    void anAllowedUnlockStartsItsPaymentNamingTheSamePaymentItWasAssessedFor() {
        riskIs(PaymentRiskAssessment.allowed());

        PaymentId payment = purchases.start(PaymentPurpose.PAY_PER_VIEW, ITEM, FAN, CREATOR, PRICE, "pm_card_visa",
                "key-2");

        ArgumentCaptor<AssessPaymentRiskQuery> asked = ArgumentCaptor.forClass(AssessPaymentRiskQuery.class);
        verify(queries).query(asked.capture(), any(ResponseType.class));
        assertThat(asked.getValue()).isEqualTo(new AssessPaymentRiskQuery(FAN, CREATOR, PRICE,
                PaymentPurpose.PAY_PER_VIEW, payment.value()));
        verify(commands).sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.PAY_PER_VIEW, ITEM, FAN,
                CREATOR, PRICE, "pm_card_visa"));
    }

    @Test
    void noFraudRulesToAskMeansNoObjection() {
        when(queries.query(any(AssessPaymentRiskQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("no handler")));

        PaymentId payment = purchases.start(PaymentPurpose.PRODUCT_PURCHASE, ITEM, FAN, CREATOR, PRICE,
                "pm_card_visa", null);

        verify(commands).sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.PRODUCT_PURCHASE, ITEM, FAN,
                CREATOR, PRICE, "pm_card_visa"));
    }
}
