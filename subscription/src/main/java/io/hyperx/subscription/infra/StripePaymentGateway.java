package io.hyperx.subscription.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.application.PaymentGateway;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The Stripe adapter: a Stripe customer per paying account (no personal data, only our account id as metadata) and
 * one payment intent per payment, confirmed at once with the stored payment method. Every call carries an
 * {@code Idempotency-Key} derived from our ids, so a repeated call (our retry, stripe-java's network retry, a
 * redelivered event) is the same Stripe operation.
 */
public class StripePaymentGateway implements PaymentGateway {

    static final String PAYMENT_ID = "hyperx_payment_id";
    static final String PURPOSE = "hyperx_purpose";
    static final String PURPOSE_REFERENCE = "hyperx_purpose_reference";

    private final StripeClient stripe;
    private final ProviderPayments ids;
    private final ObjectMapper json = new ObjectMapper();

    public StripePaymentGateway(StripeClient stripe, ProviderPayments ids) {
        this.stripe = stripe;
        this.ids = ids;
    }

    public static StripeClient client(StripeSettings settings) {
        return StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
    }

    @Override
    public String mode() {
        return "stripe";
    }

    @Override
    public Charge charge(ChargeRequest request) {
        try {
            String customer = customerOf(request.payerId());
            PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                    .setAmount(request.amount().amountMinor())
                    .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                    .setCustomer(customer)
                    .addPaymentMethodType("card")
                    .putMetadata(PAYMENT_ID, request.paymentId().toString())
                    .putMetadata(PURPOSE, request.purpose().name())
                    .putMetadata(PURPOSE_REFERENCE, String.valueOf(request.purposeReference()));
            if (request.paymentMethodId() != null) {
                params.setPaymentMethod(request.paymentMethodId()).setConfirm(true);
                if (request.offSession()) {
                    params.setOffSession(true);
                }
            }
            PaymentIntent intent = stripe.v1().paymentIntents().create(params.build(),
                    idempotent("payment-" + request.paymentId()));
            ids.remember(intent.getId(), request.paymentId(), intent.getClientSecret());
            return new Charge(intent.getId(), intent.getStatus(), intent.getClientSecret(), null);
        } catch (CardException declined) {
            // Stripe created the intent and reports payment_intent.payment_failed by webhook as well
            String intentId = declined.getStripeError() != null && declined.getStripeError().getPaymentIntent() != null
                    ? declined.getStripeError().getPaymentIntent().getId() : null;
            if (intentId != null) {
                ids.remember(intentId, request.paymentId());
            }
            return new Charge(intentId, "requires_payment_method", null,
                    declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode());
        } catch (RateLimitException | ApiConnectionException | ApiException unavailable) {
            throw new GatewayUnavailableException("Stripe unavailable: " + unavailable.getMessage(), unavailable);
        } catch (StripeException refused) {
            // invalid request, authentication, permission: no intent exists and no webhook will come
            return new Charge(null, "failed", null, refused.getCode() != null ? refused.getCode() : "stripe_error");
        }
    }

    /**
     * Retrieves the payment's intent: {@code succeeded} is reported as {@code payment_intent.succeeded}, a refused or
     * cancelled one ({@code requires_payment_method} after an error, {@code canceled}) as
     * {@code payment_intent.payment_failed}; other states have no outcome yet. The real event's id cannot be told
     * from the intent, so the report carries one derived from the intent and the outcome: a webhook arriving later
     * under Stripe's id changes nothing, because the payment ignores a second report of the same outcome.
     */
    @Override
    public Optional<ReportedOutcome> outcomeOf(PaymentId paymentId) {
        Optional<ProviderPayments.Intent> known = ids.intentOf(paymentId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        PaymentIntent intent;
        try {
            intent = stripe.v1().paymentIntents().retrieve(known.get().providerPaymentId());
        } catch (StripeException e) {
            throw new GatewayUnavailableException("Stripe could not tell: " + e.getMessage(), e);
        }
        String type = switch (intent.getStatus()) {
            case "succeeded" -> "payment_intent.succeeded";
            case "canceled" -> "payment_intent.payment_failed";
            case "requires_payment_method" ->
                    intent.getLastPaymentError() == null ? null : "payment_intent.payment_failed";
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        ObjectNode event = json.createObjectNode()
                .put("id", "evt_hyperx_" + type.substring("payment_intent.".length()) + "_" + intent.getId())
                .put("object", "event")
                .put("type", type)
                .put("created", Instant.now().getEpochSecond());
        try {
            event.putObject("data").set("object", json.readTree(intent.getLastResponse() != null
                    ? intent.getLastResponse().body() : intent.toJson()));
        } catch (JsonProcessingException e) {
            throw new GatewayUnavailableException("Stripe's answer could not be read", e);
        }
        return Optional.of(new ReportedOutcome(event.toString()));
    }

    private String customerOf(UUID accountId) throws StripeException {
        var known = ids.customerOf(accountId);
        if (known.isPresent()) {
            return known.get();
        }
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .putMetadata("hyperx_account_id", accountId.toString())
                .build(), idempotent("customer-" + accountId));
        ids.rememberCustomer(accountId, customer.getId());
        return customer.getId();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
