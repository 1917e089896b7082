package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.application.PaymentGateway;
import io.hyperx.subscription.application.PaymentGateway.Charge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against WireMock playing the Stripe API: what it sends, and the errors it survives. */
class StripePaymentGatewayTest {

    static final UUID PAYER = UUID.fromString("00000000-0000-0000-0000-00000000000f");
    static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final PaymentId PAYMENT = new PaymentId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

    WireMockServer stripe;
    InMemoryIds ids;
    StripePaymentGateway gateway;

    @BeforeEach
    void setUp() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        ids = new InMemoryIds();
        gateway = new StripePaymentGateway(StripePaymentGateway.client(new StripeSettings("sk_test_hyperx", null,
                stripe.baseUrl(), null, 2, null, null, null, null)), ids);
        stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(json(200, """
                {"id": "cus_123", "object": "customer"}""")));
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    @Test
    void aRenewalCreatesTheCustomerOnceAndConfirmsOnePaymentIntentOffSession() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200, """
                {"id": "pi_123", "object": "payment_intent", "status": "succeeded", "amount": 900,
                 "currency": "usd", "client_secret": "pi_123_secret_abc"}""")));

        Charge charge = gateway.charge(request(true));
        gateway.charge(request(true));

        assertThat(charge).isEqualTo(new Charge("pi_123", "succeeded", "pi_123_secret_abc", null));
        assertThat(ids.intents).containsEntry("pi_123", PAYMENT);
        assertThat(ids.secrets).containsEntry("pi_123", "pi_123_secret_abc");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer-" + PAYER))
                .withHeader("Authorization", equalTo("Bearer sk_test_hyperx"))
                .withRequestBody(containing("metadata[hyperx_account_id]=" + PAYER)));
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-" + PAYMENT))
                .withRequestBody(containing("amount=900"))
                .withRequestBody(containing("currency=usd"))
                .withRequestBody(containing("customer=cus_123"))
                .withRequestBody(containing("payment_method=pm_card_visa"))
                .withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("off_session=true"))
                .withRequestBody(containing("metadata[hyperx_payment_id]=" + PAYMENT))
                .withRequestBody(containing("metadata[hyperx_purpose]=RENEWAL")));
    }

    @Test
    void aDeclinedCardAnswersTheDeclineAndRemembersTheIntent() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(402, """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                 "message": "Your card was declined.",
                 "payment_intent": {"id": "pi_declined", "object": "payment_intent",
                                    "status": "requires_payment_method"}}}""")));

        Charge charge = gateway.charge(request(false));

        assertThat(charge.providerPaymentId()).isEqualTo("pi_declined");
        assertThat(charge.status()).isEqualTo("requires_payment_method");
        assertThat(charge.declineCode()).isEqualTo("generic_decline");
        assertThat(ids.intents).containsEntry("pi_declined", PAYMENT);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    @Test
    void aRateLimitedCallIsRetriedWithTheSameIdempotencyKey() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited once")
                .willReturn(json(429, """
                        {"error": {"type": "invalid_request_error", "code": "rate_limit",
                         "message": "Too many requests hit the API too quickly."}}""")
                        .withHeader("Stripe-Should-Retry", "true")));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("rate limit")
                .whenScenarioStateIs("limited once")
                .willReturn(json(200, """
                        {"id": "pi_after_retry", "object": "payment_intent", "status": "processing"}""")));

        Charge charge = gateway.charge(request(true));

        assertThat(charge.providerPaymentId()).isEqualTo("pi_after_retry");
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-" + PAYMENT)));
    }

    @Test
    void aRateLimitThatLastsMakesTheGatewayUnavailable() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(429, """
                {"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests."}}""")));

        assertThatThrownBy(() -> gateway.charge(request(true)))
                .isInstanceOf(PaymentGateway.GatewayUnavailableException.class);
    }

    @Test
    void aServerErrorIsRetriedAndThenReportedUnavailable() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(500, """
                {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""")));

        assertThatThrownBy(() -> gateway.charge(request(true)))
                .isInstanceOf(PaymentGateway.GatewayUnavailableException.class);
        stripe.verify(3, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-" + PAYMENT)));
    }

    private static PaymentGateway.ChargeRequest request(boolean offSession) {
        return new PaymentGateway.ChargeRequest(PAYMENT, offSession ? PaymentPurpose.RENEWAL
                : PaymentPurpose.SUBSCRIPTION_INITIAL, UUID.randomUUID(), PAYER, CREATOR, Money.of(900, "USD"),
                "pm_card_visa", offSession);
    }

    @Test
    void askedAboutAPaymentTheGatewayReportsTheIntentsOutcomeAsItsEvent() throws Exception {
        ids.remember("pi_done", PAYMENT, null);
        PaymentId waiting = new PaymentId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
        ids.remember("pi_waiting", waiting, null);
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_done")).willReturn(json(200, """
                {"id": "pi_done", "object": "payment_intent", "status": "succeeded", "amount": 500,
                 "currency": "usd", "metadata": {"hyperx_payment_id": "%s"}}""".formatted(PAYMENT))));
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_waiting")).willReturn(json(200, """
                {"id": "pi_waiting", "object": "payment_intent", "status": "requires_action", "amount": 500,
                 "currency": "usd"}""")));

        JsonNode reported = new ObjectMapper().readTree(gateway.outcomeOf(PAYMENT).orElseThrow().eventJson());

        assertThat(reported.path("type").asText()).isEqualTo("payment_intent.succeeded");
        assertThat(reported.path("id").asText()).isEqualTo("evt_hyperx_succeeded_pi_done");
        assertThat(reported.path("data").path("object").path("metadata").path("hyperx_payment_id").asText())
                .isEqualTo(PAYMENT.toString());
        assertThat(gateway.outcomeOf(waiting)).isEmpty();
        assertThat(gateway.outcomeOf(PaymentId.random())).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test").withBody(body);
    }

    /** The id store without a database. */
    static final class InMemoryIds extends ProviderPayments {

        final Map<String, PaymentId> intents = new HashMap<>();
        final Map<UUID, String> customers = new HashMap<>();
        final Map<String, String> secrets = new HashMap<>();

        InMemoryIds() {
            super(null);
        }

        @Override
        void remember(String providerPaymentId, PaymentId paymentId, String clientSecret) {
            intents.putIfAbsent(providerPaymentId, paymentId);
            secrets.putIfAbsent(providerPaymentId, String.valueOf(clientSecret));
        }

        @Override
        public Optional<Intent> intentOf(PaymentId paymentId) {
            return intents.entrySet().stream().filter(entry -> entry.getValue().equals(paymentId)).findFirst()
                    .map(entry -> new Intent(entry.getKey(), secrets.get(entry.getKey())));
        }

        @Override
        Optional<PaymentId> paymentOf(String providerPaymentId) {
            return Optional.ofNullable(intents.get(providerPaymentId));
        }

        @Override
        Optional<String> customerOf(UUID accountId) {
            return Optional.ofNullable(customers.get(accountId));
        }

        @Override
        void rememberCustomer(UUID accountId, String customerId) {
            customers.putIfAbsent(accountId, customerId);
        }
    }
}
