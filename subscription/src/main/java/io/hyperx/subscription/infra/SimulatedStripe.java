package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.kernel.Ids;
import io.hyperx.subscription.application.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The offline stand-in for Stripe (no secret key configured). It "creates" payment intents locally, decides their
 * outcome from Stripe's test payment-method names ({@code pm_card_visa} and other {@code pm_card_*} succeed,
 * {@code pm_card_chargeDeclined*} fail) and delivers Stripe-format events, signed with the webhook secret, to our
 * own webhook endpoint over HTTP, retrying like Stripe does. So verification, de-duplication and the state changes
 * run exactly as with Stripe.
 */
public class SimulatedStripe implements PaymentGateway, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SimulatedStripe.class);
    static final String API_VERSION = "2025-08-27.basil";
    private static final int DELIVERY_ATTEMPTS = 6;

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
    private volatile String webhookUrl;

    public SimulatedStripe(WebhookSecret secret, ProviderPayments ids, String configuredUrl) {
        this.secret = secret;
        this.ids = ids;
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
        afterCommit(() -> deliver(event(type, intentId, intent)));
        return new Charge(intentId, "processing", clientSecret, null);
    }

    /** Dev only: the payer got {@code totalRefunded} back so far; Stripe reports the charge's cumulative total. */
    public void refund(io.hyperx.subscription.api.PaymentId payment, io.hyperx.kernel.Money totalRefunded) {
        String intentId = ids.intentOf(payment).map(ProviderPayments.Intent::providerPaymentId)
                .orElseThrow(() -> new IllegalArgumentException("payment " + payment + " was never charged"));
        ObjectNode charge = json.createObjectNode()
                .put("id", "ch_sim_" + payment.value().toString().replace("-", ""))
                .put("object", "charge")
                .put("payment_intent", intentId)
                .put("amount_refunded", totalRefunded.amountMinor())
                .put("currency", totalRefunded.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        deliver(event("charge.refunded", intentId + "/" + totalRefunded.amountMinor(), charge));
    }

    /** Dev only: the payer disputes the payment with their bank. */
    public void dispute(io.hyperx.subscription.api.PaymentId payment, io.hyperx.kernel.Money amount, String reason) {
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
        deliver(event("charge.dispute.created", disputeId, dispute));
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

    /** Delivers a signed event to our webhook endpoint, retrying with back-off until it is acknowledged. */
    public void deliver(String payload) {
        delivery.submit(() -> {
            for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
                String url = webhookUrl;
                if (url == null) {
                    log.warn("Stripe simulator has no webhook URL yet; event not delivered");
                    return;
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .header("Stripe-Signature", StripeSignatures.header(payload, secret.value(),
                                            Instant.now().getEpochSecond()))
                                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 == 2) {
                        return;
                    }
                    log.info("Simulated webhook answered {} (attempt {})", response.statusCode(), attempt);
                } catch (java.io.IOException e) {
                    log.info("Simulated webhook delivery failed (attempt {}): {}", attempt, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            log.warn("Simulated webhook not acknowledged after {} attempts", DELIVERY_ATTEMPTS);
        });
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
