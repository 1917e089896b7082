package io.hyperx.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionId;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks delivered to a local HTTP receiver: signed with the shown-once secret, retried after 500s with backoff,
 * given up after the horizon with every attempt listed, sent once per event and endpoint, signed with both secrets
 * during a rotation.
 */
class WebhookDeliveryIT extends WebhookHttpSupport {

    @Autowired
    WebhookEventHandler handler;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aPaymentReachesTheCreatorsEndpointSignedWithTheShownSecret() {
        Session creator = register("creator");
        Session fan = register("fan");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        assertThat(endpoint.secret()).startsWith("whsec_");
        assertThat(jdbc.queryForObject("SELECT secret FROM notification.webhook_endpoint WHERE id = ?", String.class,
                endpoint.id())).as("not stored as shown").doesNotContain(endpoint.secret().substring(6));
        Response listed = get("/api/v1/creators/webhooks", creator.auth());
        assertThat(listed.raw()).contains(endpoint.id().toString()).doesNotContain(endpoint.secret());

        PaymentId payment = pay(fan.id(), creator.id(), 1500);
        await("webhook request stored", () -> jdbc.queryForObject(
                "SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                endpoint.id().toString()), count -> count == 1);
        dispatcher.dispatchDue();

        assertThat(receiver.received).hasSize(1);
        WebhookReceiver.Received request = receiver.received.get(0);
        assertThat(signedWith(request, endpoint.secret())).as(request.header(WebhookSignature.HEADER)).isTrue();
        assertThat(signedWith(request, "whsec_someone-else")).isFalse();
        assertThat(request.header(WebhookSignature.HEADER)).matches("t=\\d+,v1=[0-9a-f]{64}");
        JsonNode body = json(request.body());
        assertThat(body.path("type").asText()).isEqualTo("payment.succeeded");
        assertThat(request.header("HyperX-Event-Type")).isEqualTo("payment.succeeded");
        assertThat(request.header("HyperX-Event-Id")).isEqualTo(body.path("id").asText()).isNotBlank();
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(Instant.parse(body.path("createdAt").asText())).isBefore(clock.instant().plusSeconds(1));
        assertThat(body.path("data").path("paymentId").asText()).isEqualTo(payment.value().toString());
        assertThat(body.path("data").path("payerId").asText()).isEqualTo(fan.id().toString());
        assertThat(body.path("data").path("amount").path("amountMinor").asLong()).isEqualTo(1500);
        assertThat(body.path("data").path("amount").path("currency").asText()).isEqualTo("USD");

        JsonNode delivery = deliveries(creator, endpoint.id()).path("data").get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("SENT");
        assertThat(delivery.path("eventType").asText()).isEqualTo("payment.succeeded");
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("attempts").get(0).path("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void anEndpointNotSubscribedToTheTypeOrOfAnotherCreatorGetsNothing() {
        Session creator = register("creator");
        Session other = register("creator");
        Registered cancelsOnly = registerEndpoint(creator, receiver.url(), WebhookEventTypes.SUBSCRIPTION_CANCELLED);
        Registered othersEndpoint = registerEndpoint(other, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        Registered payments = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);

        pay(register("fan").id(), creator.id(), 700);
        await("webhook request stored", () -> jdbc.queryForObject(
                "SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                payments.id().toString()), count -> count == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient IN (?, ?)",
                Long.class, cancelsOnly.id().toString(), othersEndpoint.id().toString())).isZero();
    }

    @Test
    void fiveHundredsAreRetriedWithBackoffThenDelivered() {
        Session creator = register("creator");
        String longBody = "x".repeat(5000);
        receiver.answer(500, longBody).answer(503, "busy");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        UUID delivery = startTest(creator, endpoint.id());

        Instant deadline = Instant.now().plusSeconds(10);
        while (!"SENT".equals(status(delivery)) && Instant.now().isBefore(deadline)) {
            Instant before = clock.instant();
            dispatcher.dispatchDue();
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT status, next_attempt_at FROM notification.outbox WHERE id = ?", delivery);
            if ("PENDING".equals(row.get("status"))) {
                Instant next = ((Timestamp) row.get("next_attempt_at")).toInstant();
                assertThat(next).as("retry scheduled within the backoff cap").isBefore(clock.instant()
                        .plus(MAX_DELAY).plusMillis(5)).isAfterOrEqualTo(before);
            }
            sleep(5);
        }

        assertThat(status(delivery)).isEqualTo("SENT");
        assertThat(receiver.received).hasSize(3);
        assertThat(receiver.received).allSatisfy(request -> assertThat(signedWith(request, endpoint.secret())).isTrue());
        assertThat(receiver.received).extracting(WebhookReceiver.Received::body).containsOnly(
                receiver.received.get(0).body());
        JsonNode attempts = deliveries(creator, endpoint.id()).path("data").get(0).path("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.findValuesAsText("outcome")).containsExactly("RETRY", "RETRY", "DELIVERED");
        assertThat(attempts.findValues("statusCode")).extracting(JsonNode::asInt).containsExactly(500, 503, 200);
        assertThat(attempts.get(0).path("responseBody").asText()).hasSize(WebhookSender.MAX_RECORDED_BODY)
                .isEqualTo(longBody.substring(0, WebhookSender.MAX_RECORDED_BODY));
        assertThat(attempts.get(1).path("responseBody").asText()).isEqualTo("busy");
        assertThat(attempts.findValues("durationMs")).allSatisfy(ms -> assertThat(ms.asLong()).isNotNegative());
    }

    @Test
    void aReceiverFailingPastTheHorizonIsGivenUpWithEveryAttemptListed() {
        Session creator = register("creator");
        receiver.otherwise(500, "down");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        UUID delivery = startTest(creator, endpoint.id());

        Instant deadline = Instant.now().plusSeconds(20);
        while (!"GAVE_UP".equals(status(delivery)) && Instant.now().isBefore(deadline)) {
            dispatcher.dispatchDue();
            sleep(10);
        }

        assertThat(status(delivery)).isEqualTo("GAVE_UP");
        int sent = receiver.received.size();
        assertThat(sent).as("retried before giving up").isGreaterThan(2);
        JsonNode listed = deliveries(creator, endpoint.id()).path("data").get(0);
        assertThat(listed.path("status").asText()).isEqualTo("GAVE_UP");
        assertThat(listed.path("attempts")).hasSize(sent);
        assertThat(listed.path("attempts").findValuesAsText("outcome")).containsOnly("RETRY");
        assertThat(listed.path("attempts").findValuesAsText("responseBody")).containsOnly("down");
        // attemptedAt is recorded after the answer; a due attempt starts within one poll of this loop (10 ms + work)
        JsonNode last = listed.path("attempts").get(sent - 1);
        Instant lastStarted = Instant.parse(last.path("attemptedAt").asText())
                .minusMillis(last.path("durationMs").asLong());
        Instant createdAt = Instant.parse(listed.path("createdAt").asText());
        assertThat(lastStarted).as("nothing sent after the horizon")
                .isBeforeOrEqualTo(createdAt.plus(HORIZON).plusMillis(100));
        int before = receiver.received.size();
        dispatcher.dispatchDue();
        assertThat(receiver.received).hasSize(before);
    }

    @Test
    void aRedeliveredEventIsSentOnce() {
        Session creator = register("creator");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.SUBSCRIPTION_CANCELLED);
        SubscriptionCancelled event = new SubscriptionCancelled(SubscriptionId.random(), UUID.randomUUID(),
                creator.id(), clock.instant());
        String eventId = UUID.randomUUID().toString();

        handler.on(event, eventId, clock.instant());
        dispatcher.dispatchDue();
        handler.on(event, eventId, clock.instant());
        dispatcher.dispatchDue();

        assertThat(receiver.received).hasSize(1);
        assertThat(json(receiver.received.get(0).body()).path("id").asText()).isEqualTo(eventId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                endpoint.id().toString())).isEqualTo(1);
    }

    /** Through Axon's own handler adapter: an event arriving with a replay token (as while the group replays) is
     * not handled, the same event live is. */
    @Test
    void anEventSeenDuringAReplayIsNotSent() throws Exception {
        Session creator = register("creator");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.SUBSCRIPTION_CANCELLED);
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        EventMessage<SubscriptionCancelled> event = new GenericEventMessage<>(UUID.randomUUID().toString(),
                new SubscriptionCancelled(SubscriptionId.random(), UUID.randomUUID(), creator.id(), clock.instant()),
                Map.of(), clock.instant());
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(5));
        assertThat(ReplayToken.isReplay(replaying)).isTrue();

        adapter.handle(new GenericTrackedEventMessage<>(replaying, event));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                endpoint.id().toString())).isZero();

        adapter.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(101), event));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                endpoint.id().toString())).isEqualTo(1);
    }

    @Test
    void duringARotationBothSecretsSignThenOnlyTheNewOne() {
        Session creator = register("creator");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        Response rotated = post("/api/v1/creators/webhooks/" + endpoint.id() + "/rotate-secret", null,
                creator.auth());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newSecret = rotated.json().path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());

        startTest(creator, endpoint.id());
        dispatcher.dispatchDue();
        WebhookReceiver.Received during = receiver.received.get(0);
        assertThat(during.header(WebhookSignature.HEADER)).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(signedWith(during, newSecret)).isTrue();
        assertThat(signedWith(during, endpoint.secret())).isTrue();

        clock.advance(Duration.ofHours(25));
        startTest(creator, endpoint.id());
        dispatcher.dispatchDue();
        WebhookReceiver.Received after = receiver.received.get(1);
        assertThat(after.header(WebhookSignature.HEADER)).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(signedWith(after, newSecret)).isTrue();
        assertThat(signedWith(after, endpoint.secret())).isFalse();
    }

    @Test
    void theTestEndpointSendsAWebhookTestEvent() {
        Session creator = register("creator");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYOUT_COMPLETED);
        UUID delivery = startTest(creator, endpoint.id());
        assertThat(status(delivery)).isEqualTo("PENDING");
        dispatcher.dispatchDue();

        assertThat(receiver.received).hasSize(1);
        JsonNode body = json(receiver.received.get(0).body());
        assertThat(body.path("type").asText()).isEqualTo("webhook.test");
        assertThat(signedWith(receiver.received.get(0), endpoint.secret())).isTrue();
        JsonNode listed = deliveries(creator, endpoint.id());
        assertThat(listed.path("data").get(0).path("id").asText()).isEqualTo(delivery.toString());
        assertThat(listed.path("data").get(0).path("eventId").asText()).isEqualTo(body.path("id").asText());
        assertThat(listed.path("meta").path("pagination").path("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aGoneReceiverDisablesTheEndpoint() {
        Session creator = register("creator");
        receiver.answer(410, "gone");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);
        UUID delivery = startTest(creator, endpoint.id());
        dispatcher.dispatchDue();

        assertThat(status(delivery)).isEqualTo("GAVE_UP");
        JsonNode listed = get("/api/v1/creators/webhooks", creator.auth()).json().path("data").get(0);
        assertThat(listed.path("status").asText()).isEqualTo("DISABLED");
        handler.on(new SubscriptionCancelled(SubscriptionId.random(), UUID.randomUUID(), creator.id(),
                clock.instant()), UUID.randomUUID().toString(), clock.instant());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient = ?", Long.class,
                endpoint.id().toString())).as("nothing more queued for a disabled endpoint").isEqualTo(1);
    }

    @Test
    void endpointsAreTheCreatorsOwnAndDeletable() {
        Session creator = register("creator");
        Session other = register("creator");
        Registered endpoint = registerEndpoint(creator, receiver.url(), WebhookEventTypes.PAYMENT_SUCCEEDED);

        assertThat(get("/api/v1/creators/webhooks/" + endpoint.id() + "/deliveries", other.auth()).status())
                .isEqualTo(404);
        assertThat(post("/api/v1/creators/webhooks/" + endpoint.id() + "/test", null, other.auth()).status())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/creators/webhooks/" + endpoint.id(), null, other.auth()).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/creators/webhooks", register("fan").auth()).status()).isEqualTo(403);
        Response unknownType = post("/api/v1/creators/webhooks",
                body("url", receiver.url(), "eventTypes", List.of("payment.teleported")), creator.auth());
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.code()).isEqualTo("webhook_event_type_unknown");

        assertThat(send("DELETE", "/api/v1/creators/webhooks/" + endpoint.id(), null, creator.auth()).status())
                .isEqualTo(204);
        assertThat(get("/api/v1/creators/webhooks", creator.auth()).json().path("data")).isEmpty();
        assertThat(send("DELETE", "/api/v1/creators/webhooks/" + endpoint.id(), null, creator.auth()).status())
                .isEqualTo(404);
    }

    private UUID startTest(Session creator, UUID endpoint) {
        Response response = post("/api/v1/creators/webhooks/" + endpoint + "/test", null, creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        return UUID.fromString(response.json().path("deliveryId").asText());
    }

    private String status(UUID delivery) {
        return jdbc.queryForObject("SELECT status FROM notification.outbox WHERE id = ?", String.class, delivery);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
