package io.hyperx.subscription.application;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.AssessPaymentRiskQuery;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRiskAssessment;
import io.hyperx.subscription.api.RecordSubscriptionPaymentFailedCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaymentRetryRequested;
import io.hyperx.subscription.api.SubscriptionRenewalRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Renewals are put to the fraud rules first; a blocked one never starts a payment and counts as a failed one. */
class SubscriptionPaymentsPolicyTest {

    static final SubscriptionId SUBSCRIPTION = new SubscriptionId(UUID.randomUUID());
    static final UUID FAN = UUID.randomUUID();
    static final UUID CREATOR = UUID.randomUUID();
    static final PaymentId PAYMENT = PaymentId.random();
    static final Instant PERIOD_END = Instant.parse("2026-12-01T00:00:00Z");

    CommandGateway commands;
    QueryGateway queries;
    SubscriptionPaymentsPolicy policy;

    @BeforeEach
    void setUp() {
        commands = mock(CommandGateway.class);
        queries = mock(QueryGateway.class);
        policy = new SubscriptionPaymentsPolicy(commands, queries);
    }

    void riskIs(PaymentRiskAssessment verdict) {
        when(queries.query(any(AssessPaymentRiskQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(verdict));
    }

    @Test
    void anAllowedRenewalStartsItsPaymentAfterAskingTheFraudRules() {
        riskIs(PaymentRiskAssessment.allowed());

        policy.on(new SubscriptionRenewalRequested(SUBSCRIPTION, FAN, CREATOR, PAYMENT, Money.of(900, "USD"),
                "pm_card_visa", PERIOD_END));

        ArgumentCaptor<AssessPaymentRiskQuery> asked = ArgumentCaptor.forClass(AssessPaymentRiskQuery.class);
        verify(queries).query(asked.capture(), any(ResponseType.class));
        assertThat(asked.getValue()).isEqualTo(new AssessPaymentRiskQuery(FAN, CREATOR, Money.of(900, "USD"),
                PaymentPurpose.RENEWAL, PAYMENT.value()));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isInstanceOf(InitiatePaymentCommand.class);
    }

    @Test
    void aBlockedRenewalNeverReachesTheGatewayAndIsRecordedAsItsFailedPayment() {
        riskIs(new PaymentRiskAssessment(true, "account_suspended", "The payment was blocked: payer is suspended."));

        policy.on(new SubscriptionRenewalRequested(SUBSCRIPTION, FAN, CREATOR, PAYMENT, Money.of(900, "USD"),
                "pm_card_visa", PERIOD_END));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).containsExactly(new RecordSubscriptionPaymentFailedCommand(SUBSCRIPTION,
                PAYMENT, PaymentPurpose.RENEWAL, PERIOD_END));
    }

    @Test
    void aBlockedRetryOfARenewalIsAFailedPaymentToo() {
        riskIs(new PaymentRiskAssessment(true, "account_suspended", "blocked"));
        Instant at = PERIOD_END.plusSeconds(86_400);

        policy.on(new SubscriptionPaymentRetryRequested(SUBSCRIPTION, FAN, CREATOR, PAYMENT, Money.of(900, "USD"),
                "pm_card_visa", 1, at));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).containsExactly(new RecordSubscriptionPaymentFailedCommand(SUBSCRIPTION,
                PAYMENT, PaymentPurpose.RENEWAL, at));
    }
}
