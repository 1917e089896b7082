package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.kernel.Ids;
import io.hyperx.subscription.application.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.hyperx.kernel.Backoff;
import io.hyperx.subscription.api.PaymentId;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The offline stand-in for Stripe (no secret key configured). It "creates" payment intents locally, decides their
 * outcome from Stripe's test payment-method names ({@code pm_card_visa} and other {@code pm_card_*} succeed,
 * {@code pm_card_chargeDeclined*} fail) and delivers Stripe-format events, signed with the webhook secret, to our
 * own webhook endpoint over HTTP. So verification, de-duplication and the state changes run exactly as with Stripe.
 * <p>
 * Its events are durable: each is written to the outbox {@code subscription.simulator_webhook} in the transaction
 * that creates the intent (or reports the refund or dispute), sent at once after the commit, and otherwise sent by
 * the poller on any node (claimed with {@code FOR UPDATE SKIP LOCKED}), retried with backoff for three days as
 * Stripe does, across restarts.
 */
public class SimulatedStripe implements PaymentGateway, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SimulatedStripe.class);
    static final String API_VERSION = "2025-08-27.basil";
    /** Stripe's live-mode retries: exponential backoff for up to three days. */
    static final Backoff RETRIES = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(3));
    private static final Duration FIRST_DELIVERY = Duration.ofSeconds(5);
    private static final int BATCH = 100;

    private final WebhookSecret secret;
    private final ProviderPayments ids;
    private final String configuredUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "stripe-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final StripeEventQueue outbox;
    private final JdbcTemplate jdbc;
    private volatile String webhookUrl;

    public SimulatedStripe(WebhookSecret secret, ProviderPayments ids, String configuredUrl, JdbcTemplate jdbc,
                           Clock clock) {
        this.secret = secret;
        this.ids = ids;
        this.jdbc = jdbc;
        this.outbox = new StripeEventQueue(jdbc, "simulator_webhook", RETRIES, clock);
        this.configuredUrl = configuredUrl == null || configuredUrl.isBlank() ? null : configuredUrl;
        this.webhookUrl = this.configuredUrl;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configuredUrl == null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
            webhookUrl = "http://localhost:" + event.getWebServer().getPort() + "/api/v1/webhooks/stripe";
        }
    }

    @Override
    public String mode() {
        return "simulator";
    }

    @Override
    public Charge charge(ChargeRequest request) {
        String intentId = "pi_sim_" + request.paymentId().value().toString().replace("-", "");
        String clientSecret = intentId + "_secret_sim";
        ids.remember(intentId, request.paymentId(), clientSecret);
        String method = request.paymentMethodId() == null ? "" : request.paymentMethodId();
        String declineCode = declineCodeOf(method);
        ObjectNode intent = json.createObjectNode()
                .put("id", intentId)
                .put("object", "payment_intent")
                .put("amount", request.amount().amountMinor())
                .put("amount_received", declineCode == null ? request.amount().amountMinor() : 0)
                .put("currency", request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .put("customer", "cus_sim_" + request.payerId().toString().replace("-", ""))
                .put("payment_method", method)
                .put("status", declineCode == null ? "succeeded" : "requires_payment_method")
                .put("livemode", false);
        intent.putObject("metadata")
                .put(StripePaymentGateway.PAYMENT_ID, request.paymentId().toString())
                .put(StripePaymentGateway.PURPOSE, request.purpose().name())
                .put(StripePaymentGateway.PURPOSE_REFERENCE, String.valueOf(request.purposeReference()));
        if (declineCode != null) {
            intent.putObject("last_payment_error").put("type", "card_error").put("code", "card_declined")
                    .put("decline_code", declineCode);
        }
        String type = declineCode == null ? "payment_intent.succeeded" : "payment_intent.payment_failed";
        send(event(type, intentId, intent), type, request.paymentId());
        return new Charge(intentId, "processing", clientSecret, null);
    }

    /** What the simulated Stripe knows of the payment: the outcome event it decided when it created the intent. */
    @Override
    public Optional<ReportedOutcome> outcomeOf(PaymentId payment) {
        return jdbc.queryForList("""
                        SELECT payload FROM subscription.simulator_webhook
                        WHERE payment_id = ? AND event_type IN ('payment_intent.succeeded', 'payment_intent.payment_failed')
                        ORDER BY created_at LIMIT 1""", String.class, payment.value())
                .stream().findFirst().map(ReportedOutcome::new);
    }

    /** Dev only: the payer got {@code totalRefunded} back so far; Stripe reports the charge's cumulative total. */
    public void refund(PaymentId payment, io.hyperx.kernel.Money totalRefunded) {
        String intentId = ids.intentOf(payment).map(ProviderPayments.Intent::providerPaymentId)
                .orElseThrow(() -> new IllegalArgumentException("payment " + payment + " was never charged"));
        ObjectNode charge = json.createObjectNode()
                .put("id", "ch_sim_" + payment.value().toString().replace("-", ""))
                .put("object", "charge")
                .put("payment_intent", intentId)
                .put("amount_refunded", totalRefunded.amountMinor())
                .put("currency", totalRefunded.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        send(event("charge.refunded", intentId + "/" + totalRefunded.amountMinor(), charge), "charge.refunded",
                payment);
    }

    /** Dev only: the payer disputes the payment with their bank. */
    public void dispute(PaymentId payment, io.hyperx.kernel.Money amount, String reason) {
        String intentId = ids.intentOf(payment).map(ProviderPayments.Intent::providerPaymentId)
                .orElseThrow(() -> new IllegalArgumentException("payment " + payment + " was never charged"));
        String disputeId = "dp_sim_" + payment.value().toString().replace("-", "");
        ObjectNode dispute = json.createObjectNode()
                .put("id", disputeId)
                .put("object", "dispute")
                .put("payment_intent", intentId)
                .put("amount", amount.amountMinor())
                .put("currency", amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .put("reason", reason);
        send(event("charge.dispute.created", disputeId, dispute), "charge.dispute.created", payment);
    }

    /** A Stripe-format event around {@code object}; its id is stable for the same object and type. */
    public String event(String type, String objectKey, ObjectNode object) {
        ObjectNode event = json.createObjectNode()
                .put("id", "evt_sim_" + Ids.deterministic("stripe-simulator-event", type, objectKey)
                        .toString().replace("-", ""))
                .put("object", "event")
                .put("api_version", API_VERSION)
                .put("created", Instant.now().getEpochSecond())
                .put("type", type)
                .put("livemode", false)
                .put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.putObject("data").set("object", object);
        return event.toString();
    }

    /** Writes the event to the outbox (in the caller's transaction, if any) and delivers it once that commits. */
    private void send(String payload, String type, PaymentId payment) {
        String eventId = eventIdOf(payload);
        // the poller leaves it to the delivery right after the commit for a few seconds
        outbox.add(eventId, type, payment.value(), payload, Instant.now().plus(FIRST_DELIVERY));
        afterCommit(() -> delivery.execute(() -> {
            try {
                outbox.claimFirst(eventId).ifPresent(this::deliver);
            } catch (RuntimeException e) {
                log.info("Simulated webhook {} left to the poller: {}", eventId, e.toString());
            }
        }));
    }

    @Scheduled(fixedDelayString = "${hyperx.stripe.poll-interval:PT2S}",
            initialDelayString = "${hyperx.stripe.poll-interval:PT2S}")
    void poll() {
        try {
            outbox.claimDue(BATCH).forEach(row -> delivery.execute(() -> deliver(row)));
        } catch (RuntimeException e) {
            log.warn("Simulated webhooks not delivered; the next poll tries again: {}", e.toString());
        }
    }

    /** Delivers the outbox's due events (up to a batch); answers how many were acknowledged. */
    public int deliverDue() {
        return (int) outbox.claimDue(BATCH).stream().filter(this::deliver).count();
    }

    /**
     * Ops' reconciliation in simulator mode, as Stripe's list of undelivered events: every event of the outbox not
     * acknowledged yet goes through the intake now, in this process.
     */
    Map<StripeWebhookIntake.Outcome, Integer> reconcile(Function<String, StripeWebhookIntake.Outcome> intake) {
        Map<StripeWebhookIntake.Outcome, Integer> outcomes = new EnumMap<>(StripeWebhookIntake.Outcome.class);
        for (StripeEventQueue.Claimed row : outbox.claimAllPending(10_000)) {
            StripeWebhookIntake.Outcome outcome = intake.apply(row.payload());
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == StripeWebhookIntake.Outcome.MALFORMED) {
                outbox.retryLater(row, "malformed");
            } else {
                outbox.finish(row, "DELIVERED", null);
            }
        }
        return outcomes;
    }

    /** Sends a claimed event, signed, to the webhook endpoint; records the answer. Answers whether it was taken. */
    private boolean deliver(StripeEventQueue.Claimed row) {
        String url = webhookUrl;
        String error;
        if (url == null) {
            error = "no webhook URL yet";
        } else {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", StripeSignatures.header(row.payload(), secret.value(),
                                        Instant.now().getEpochSecond()))
                                .POST(HttpRequest.BodyPublishers.ofString(row.payload())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    outbox.finish(row, "DELIVERED", null);
                    return true;
                }
                error = "answered " + response.statusCode();
            } catch (java.io.IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        log.info("Simulated webhook {} not delivered (attempt {}): {}", row.eventId(), row.attempts(), error);
        if (!outbox.retryLater(row, error)) {
            log.warn("Simulated webhook {} given up after {} attempts", row.eventId(), row.attempts());
            outbox.finish(row, "GAVE_UP", error);
        }
        return false;
    }

    private String eventIdOf(String payload) {
        try {
            return json.readTree(payload).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String declineCodeOf(String paymentMethod) {
        if (paymentMethod.startsWith("pm_card_chargeDeclinedInsufficientFunds")) {
            return "insufficient_funds";
        }
        if (paymentMethod.startsWith("pm_card_chargeDeclined")) {
            return "generic_decline";
        }
        return paymentMethod.startsWith("pm_card_") ? null : "invalid_payment_method";
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
