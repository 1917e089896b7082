package io.hyperx.app.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.infra.PaymentOutcomeSweep;
import io.hyperx.subscription.infra.ProviderReconciliation;
import io.hyperx.subscription.infra.StripeWebhookIntake.Outcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments whose outcome never arrives: here the simulator's webhooks cannot reach the app (a dead URL), as if they
 * died with a crashed node. Ops' reconciliation and the outcome sweep settle each payment once, in simulator mode.
 */
@FoundationTest
@TestPropertySource(properties = {"hyperx.stripe.webhook-url=http://127.0.0.1:9/api/v1/webhooks/stripe",
        "hyperx.stripe.outcome-timeout=1s", "hyperx.stripe.poll-interval=1h"})
class StripeOutcomeIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DueJobSweeper sweeper;

    @Autowired
    PaymentOutcomeSweep sweep;

    @Autowired
    ProviderReconciliation reconciliation;

    final HttpClient http = HttpClient.newHttpClient();
    SubscriptionScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new SubscriptionScenario(commands, queries, jdbc, sweeper);
    }

    @Test
    void opsReconciliationWorksInSimulatorModeAndSettlesEachPaymentOnce() throws Exception {
        PaymentId payment = undeliveredPayment(1300);
        String admin = adminToken();

        HttpResponse<String> first = post("/api/v1/ops/reconcile/stripe", admin);
        HttpResponse<String> second = post("/api/v1/ops/reconcile/stripe", admin);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("ACCEPTED").asInt()).isPositive();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isEqualTo(1);
        assertThat(await("payment settled", () -> scenario.payment(payment.value()),
                view -> view.status() == PaymentStatus.SUCCEEDED).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT outcome FROM subscription.simulator_webhook WHERE payment_id = ?",
                String.class, payment.value())).isEqualTo("DELIVERED");
    }

    @Test
    void aPaymentOverdueForItsOutcomeIsAskedAboutAndSettledOnceWhateverArrivesLater() {
        PaymentId payment = undeliveredPayment(1700);
        await("payment overdue in the health check", () -> jdbc.queryForList(
                "SELECT id FROM health.subscription_payment_outcome_overdue_violations", String.class),
                ids -> ids.contains(payment.toString()));
        await("payment projected", () -> scenario.payment(payment.value()), view -> view != null);

        Map<Outcome, Integer> swept = sweep.run();

        assertThat(swept).containsKey(Outcome.ACCEPTED);
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_payment_outcome_overdue_violations",
                String.class)).doesNotContain(payment.toString());
        await("payment settled", () -> scenario.payment(payment.value()),
                view -> view.status() == PaymentStatus.SUCCEEDED);

        // the simulator's own event for it, delivered late, and another sweep: nothing more happens
        assertThat(reconciliation.reconcile()).containsEntry(Outcome.DUPLICATE, 1);
        assertThat(sweep.run()).isEmpty();
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM subscription.processed_webhook_event
                WHERE payment_id = ? AND event_type = 'payment_intent.succeeded'""", Long.class, payment.value()))
                .isEqualTo(1);
    }

    /** A tip the simulator decided but could not deliver. */
    private PaymentId undeliveredPayment(long amountMinor) {
        PaymentId payment = PaymentId.random();
        commands.sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.TIP, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Money.of(amountMinor, "USD"), "pm_card_visa"));
        List<Map<String, Object>> outbox = await("simulated event in the outbox", () -> jdbc.queryForList(
                "SELECT attempts, outcome FROM subscription.simulator_webhook WHERE payment_id = ?",
                payment.value()), rows -> rows.size() == 1 && ((Integer) rows.get(0).get("attempts")) >= 1);
        assertThat(outbox.get(0).get("outcome")).isNull();
        assertThat(scenario.eventCount(payment.toString(), "PaymentSucceeded")).isZero();
        return payment;
    }

    private String adminToken() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "email", FoundationTest.ADMIN_EMAIL, "password", FoundationTest.ADMIN_PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(login.body());
        return body.path("accessToken").asText();
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
