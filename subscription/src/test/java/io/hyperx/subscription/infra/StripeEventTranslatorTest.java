package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.CancelSubscriptionNowCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RecordPaymentFailedCommand;
import io.hyperx.subscription.api.RecordPaymentSucceededCommand;
import io.hyperx.subscription.api.RecordRefundTotalCommand;
import io.hyperx.subscription.api.ReportDisputeCommand;
import io.hyperx.subscription.api.RequestCancellationCommand;
import io.hyperx.subscription.api.ResumeSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which commands each handled Stripe event type becomes. */
class StripeEventTranslatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final PaymentId PAYMENT = new PaymentId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

    final StripePaymentGatewayTest.InMemoryIds ids = new StripePaymentGatewayTest.InMemoryIds();
    final StripeEventTranslator translator = new StripeEventTranslator(ids);

    @Test
    void paymentIntentEventsFindTheirPaymentInTheMetadata() throws Exception {
        JsonNode intent = json("""
                {"id": "pi_1", "object": "payment_intent", "metadata": {"hyperx_payment_id": "%s"},
                 "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds"}}"""
                .formatted(PAYMENT));

        assertThat(translator.commands("payment_intent.succeeded", intent, AT))
                .containsExactly(new RecordPaymentSucceededCommand(PAYMENT, "pi_1", null, AT));
        assertThat(translator.commands("payment_intent.payment_failed", intent, AT))
                .containsExactly(new RecordPaymentFailedCommand(PAYMENT, "insufficient_funds", AT));
    }

    @Test
    void invoicesAndChargesFindTheirPaymentThroughTheIntent() throws Exception {
        ids.remember("pi_2", PAYMENT);

        assertThat(translator.commands("invoice.paid", json("""
                {"id": "in_1", "object": "invoice", "payment_intent": "pi_2"}"""), AT))
                .containsExactly(new RecordPaymentSucceededCommand(PAYMENT, "pi_2", null, AT));
        assertThat(translator.commands("invoice.payment_failed", json("""
                {"id": "in_1", "object": "invoice", "payment_intent": {"id": "pi_2"}}"""), AT))
                .containsExactly(new RecordPaymentFailedCommand(PAYMENT, "payment_failed", AT));
        assertThat(translator.commands("charge.refunded", json("""
                {"id": "ch_1", "object": "charge", "payment_intent": "pi_2", "amount_refunded": 250,
                 "currency": "eur"}"""), AT))
                .containsExactly(new RecordRefundTotalCommand(PAYMENT, Money.of(250, "EUR"), AT));
        assertThat(translator.commands("charge.dispute.created", json("""
                {"id": "dp_1", "object": "dispute", "payment_intent": "pi_2", "amount": 900, "currency": "usd",
                 "reason": "fraudulent"}"""), AT))
                .containsExactly(new ReportDisputeCommand(PAYMENT, "dp_1", Money.of(900, "USD"), "fraudulent", AT));
    }

    @Test
    void anInvoiceOfNoPaymentOfOursChangesNothingButAnUnknownChargeWaitsForRedelivery() throws Exception {
        assertThat(translator.commands("invoice.paid", json("""
                {"id": "in_2", "object": "invoice", "payment_intent": "pi_foreign"}"""), AT)).isEmpty();
        assertThatThrownBy(() -> translator.commands("charge.refunded", json("""
                {"id": "ch_2", "payment_intent": "pi_unknown", "amount_refunded": 1, "currency": "usd"}"""), AT))
                .isInstanceOf(StripeEventTranslator.UnmatchedWebhookException.class);
    }

    @Test
    void subscriptionObjectsMapToCancelResumeOrEndWhenTheyAreOurs() throws Exception {
        SubscriptionId subscription = new SubscriptionId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        String ours = "\"metadata\": {\"hyperx_subscription_id\": \"" + subscription + "\"}";

        assertThat(translator.commands("customer.subscription.updated", json("""
                {"id": "sub_1", "status": "active", "cancel_at_period_end": true, %s}""".formatted(ours)), AT))
                .containsExactly(new RequestCancellationCommand(subscription));
        assertThat(translator.commands("customer.subscription.updated", json("""
                {"id": "sub_1", "status": "active", "cancel_at_period_end": false, %s}""".formatted(ours)), AT))
                .containsExactly(new ResumeSubscriptionCommand(subscription));
        assertThat(translator.commands("customer.subscription.deleted", json("""
                {"id": "sub_1", "status": "canceled", %s}""".formatted(ours)), AT))
                .containsExactly(new CancelSubscriptionNowCommand(subscription));
        assertThat(translator.commands("customer.subscription.deleted", json("""
                {"id": "sub_2", "status": "canceled", "metadata": {}}"""), AT)).isEmpty();
    }

    @Test
    void onlyTheDocumentedTypesAreHandled() {
        assertThat(translator.handles("charge.refunded")).isTrue();
        assertThat(translator.handles("customer.created")).isFalse();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
