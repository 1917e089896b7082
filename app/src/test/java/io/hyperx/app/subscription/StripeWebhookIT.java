package io.hyperx.app.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.PaymentView;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.infra.ParkedWebhooks;
import io.hyperx.subscription.infra.StripeSignatures;
import io.hyperx.subscription.infra.WebhookSecret;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/webhooks/stripe} with real Stripe signatures: verification, exactly-once effect, any order. */
@FoundationTest
class StripeWebhookIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    WebhookSecret secret;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DueJobSweeper sweeper;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ParkedWebhooks parked;

    final HttpClient http = HttpClient.newHttpClient();
    SubscriptionScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new SubscriptionScenario(commands, queries, jdbc, sweeper);
    }

    @Test
    void aWrongSignatureIsRefusedAndCounted() throws Exception {
        double before = counted("invalid_signature");
        String payload = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", JSON.createObjectNode());

        HttpResponse<String> response = post(payload, StripeSignatures.header(payload, "whsec_wrong", now()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("invalid_signature");
        assertThat(counted("invalid_signature")).isEqualTo(before + 1);
    }

    @Test
    void aSignatureOlderThanTheToleranceIsRefused() throws Exception {
        String payload = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", JSON.createObjectNode());

        HttpResponse<String> stale = post(payload, StripeSignatures.header(payload, secret.value(), now() - 301));
        HttpResponse<String> tampered = post(payload + " ", StripeSignatures.header(payload, secret.value(), now()));
        HttpResponse<String> unsigned = post(payload, null);

        assertThat(List.of(stale.statusCode(), tampered.statusCode(), unsigned.statusCode()))
                .containsOnly(400);
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndCounted() throws Exception {
        double before = counted("ignored");
        String payload = event("evt_" + UUID.randomUUID(), "customer.created", JSON.createObjectNode());

        HttpResponse<String> response = signedPost(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(counted("ignored")).isEqualTo(before + 1);
    }

    @Test
    void aDuplicateDeliveryAnswers200AndChangesNothing() throws Exception {
        PaymentId payment = initiatedPayment(1200);
        String payload = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", intent(payment, 1200));

        HttpResponse<String> first = signedPost(payload);
        HttpResponse<String> second = signedPost(payload);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("outcome").asText()).isEqualTo("accepted");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).path("outcome").asText()).isEqualTo("duplicate");
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT payment_id FROM subscription.processed_webhook_event "
                + "WHERE event_type = 'payment_intent.succeeded' AND payment_id = ?", UUID.class, payment.value()))
                .isNotEmpty();
    }

    @Test
    void parallelDuplicatesHaveOneEffect() throws Exception {
        PaymentId payment = initiatedPayment(1500);
        // a partial refund is visible in the event log exactly once per effect
        String payload = event("evt_" + UUID.randomUUID(), "charge.refunded", charge(payment, 1500, 400));
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return signedPost(payload);
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            outcomes.add(JSON.readTree(response.body()).path("outcome").asText());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("accepted");
        assertThat(outcomes.stream().filter("duplicate"::equals)).hasSize(deliveries - 1);
        assertThat(scenario.eventCount(payment.toString(), "PaymentRefunded")).isEqualTo(1);
    }

    @Test
    void aRefundArrivingBeforeTheSuccessEndsInTheRightState() throws Exception {
        PaymentId payment = initiatedPayment(2000);
        String refunded = event("evt_" + UUID.randomUUID(), "charge.refunded", charge(payment, 2000, 500));
        String refundedMore = event("evt_" + UUID.randomUUID(), "charge.refunded", charge(payment, 2000, 800));
        String succeeded = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", intent(payment, 2000));

        assertThat(signedPost(refundedMore).statusCode()).isEqualTo(200);
        assertThat(signedPost(refunded).statusCode()).isEqualTo(200); // older total, arriving late
        assertThat(signedPost(succeeded).statusCode()).isEqualTo(200);

        PaymentView view = await("refund projected", () -> scenario.payment(payment.value()),
                v -> v != null && v.refunded().amountMinor() == 800);
        assertThat(view.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isEqualTo(1);
        assertThat(scenario.eventCount(payment.toString(), "PaymentRefunded")).isEqualTo(1);
    }

    @Test
    void aDisputeIsPublishedOnceForTheDisputeContext() throws Exception {
        PaymentId payment = initiatedPayment(700);
        ObjectNode dispute = JSON.createObjectNode().put("id", "dp_" + UUID.randomUUID().toString().substring(0, 8))
                .put("object", "dispute").put("amount", 700).put("currency", "usd").put("reason", "fraudulent")
                .put("payment_intent", "pi_sim_" + payment.value().toString().replace("-", ""));

        assertThat(signedPost(event("evt_" + UUID.randomUUID(), "charge.dispute.created", dispute)).statusCode())
                .isEqualTo(200);
        assertThat(signedPost(event("evt_" + UUID.randomUUID(), "charge.dispute.created", dispute)).statusCode())
                .isEqualTo(200);

        assertThat(scenario.eventCount(payment.toString(), "DisputeReported")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT payload ->> 'reason' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%DisputeReported'""", String.class,
                payment.toString())).isEqualTo("fraudulent");
    }

    @Test
    void anEventForAPaymentNotKnownYetIsAcknowledgedParkedAndAppliedOnceThePaymentIsKnown() throws Exception {
        PaymentId payment = PaymentId.random();
        ObjectNode dispute = JSON.createObjectNode().put("id", "dp_" + UUID.randomUUID().toString().substring(0, 8))
                .put("object", "dispute").put("amount", 900).put("currency", "usd").put("reason", "fraudulent")
                .put("payment_intent", "pi_sim_" + payment.value().toString().replace("-", ""));
        String eventId = "evt_" + UUID.randomUUID();
        String payload = event(eventId, "charge.dispute.created", dispute);
        double parkedBefore = parkedCount("parked");
        double appliedBefore = parkedCount("applied");

        HttpResponse<String> first = signedPost(payload);
        HttpResponse<String> again = signedPost(payload); // Stripe had not seen the first answer

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("outcome").asText()).isEqualTo("parked");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(parkedCount("parked")).isEqualTo(parkedBefore + 1);
        assertThat(parkedOutcome(eventId)).isNull();

        // still unknown at its next attempt: stays parked
        makeDue(eventId);
        await("parked event tried again", () -> jdbc.queryForObject("SELECT attempts FROM "
                + "subscription.parked_webhook_event WHERE event_id = ?", Integer.class, eventId), n -> n >= 1);
        assertThat(parkedOutcome(eventId)).isNull();
        assertThat(scenario.eventCount(payment.toString(), "DisputeReported")).isZero();

        // the payment appears (the out-of-order case): the parked event is applied, once
        commands.sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.TIP, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Money.of(900, "USD"), "pm_card_visa"));
        await("payment intent created", () -> jdbc.queryForObject(
                "SELECT count(*) FROM subscription.provider_payment WHERE payment_id = ?", Long.class,
                payment.value()), count -> count == 1);
        makeDue(eventId);
        await("parked event applied", () -> parkedOutcome(eventId), "APPLIED"::equals);

        assertThat(scenario.eventCount(payment.toString(), "DisputeReported")).isEqualTo(1);
        assertThat(parkedCount("applied")).isEqualTo(appliedBefore + 1);
        HttpResponse<String> late = signedPost(payload);
        assertThat(JSON.readTree(late.body()).path("outcome").asText()).isEqualTo("duplicate");
        assertThat(scenario.eventCount(payment.toString(), "DisputeReported")).isEqualTo(1);
    }

    @Test
    void aParkedEventExpiresAfterStripesRetryHorizonAndIsCounted() throws Exception {
        ObjectNode unknown = JSON.createObjectNode().put("id", "ch_unknown").put("object", "charge")
                .put("payment_intent", "pi_never_seen_" + UUID.randomUUID()).put("amount_refunded", 100)
                .put("currency", "usd");
        String eventId = "evt_" + UUID.randomUUID();
        double expiredBefore = parkedCount("expired");
        assertThat(signedPost(event(eventId, "charge.refunded", unknown)).statusCode()).isEqualTo(200);

        jdbc.update("UPDATE subscription.parked_webhook_event SET created_at = now() - interval '3 days 1 minute' "
                + "WHERE event_id = ?", eventId);
        makeDue(eventId);

        await("parked event expired", () -> parkedOutcome(eventId), "EXPIRED"::equals);
        assertThat(parkedCount("expired")).isEqualTo(expiredBefore + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription.processed_webhook_event "
                + "WHERE provider_event_id = ?", Long.class, eventId)).isZero();
    }

    private void makeDue(String eventId) {
        jdbc.update("UPDATE subscription.parked_webhook_event SET next_attempt_at = now() WHERE event_id = ?",
                eventId);
        parked.retryDue();
    }

    private String parkedOutcome(String eventId) {
        return jdbc.queryForObject("SELECT outcome FROM subscription.parked_webhook_event WHERE event_id = ?",
                String.class, eventId);
    }

    private double parkedCount(String result) {
        return meters.counter("hyperx.webhooks.stripe.parked", "result", result).count();
    }

    private PaymentId initiatedPayment(long amountMinor) {
        PaymentId payment = PaymentId.random();
        // pm_card_visa: the simulator reports its own success too, under another event id; both orders end the same
        commands.sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.TIP, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Money.of(amountMinor, "USD"), "pm_card_visa"));
        // Stripe sends charge and dispute events only for intents it created: wait until ours exists
        await("payment intent created", () -> jdbc.queryForObject(
                "SELECT count(*) FROM subscription.provider_payment WHERE payment_id = ?", Long.class,
                payment.value()), count -> count == 1);
        return payment;
    }

    private static ObjectNode intent(PaymentId payment, long amount) {
        ObjectNode intent = JSON.createObjectNode()
                .put("id", "pi_sim_" + payment.value().toString().replace("-", ""))
                .put("object", "payment_intent").put("amount", amount).put("currency", "usd")
                .put("status", "succeeded");
        intent.putObject("metadata").put("hyperx_payment_id", payment.toString());
        return intent;
    }

    private static ObjectNode charge(PaymentId payment, long amount, long refunded) {
        return JSON.createObjectNode().put("id", "ch_" + payment.value().toString().replace("-", ""))
                .put("object", "charge").put("amount", amount).put("amount_refunded", refunded)
                .put("currency", "usd").put("refunded", refunded == amount)
                .put("payment_intent", "pi_sim_" + payment.value().toString().replace("-", ""));
    }

    private static String event(String id, String type, JsonNode object) {
        ObjectNode event = JSON.createObjectNode().put("id", id).put("object", "event")
                .put("api_version", "2025-08-27.basil").put("created", now()).put("type", type)
                .put("livemode", false);
        event.putObject("data").set("object", object);
        return event.toString();
    }

    private HttpResponse<String> signedPost(String payload) throws Exception {
        return post(payload, StripeSignatures.header(payload, secret.value(), now()));
    }

    private HttpResponse<String> post(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double counted(String outcome) {
        return meters.counter("hyperx.webhooks.stripe", "outcome", outcome).count();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
