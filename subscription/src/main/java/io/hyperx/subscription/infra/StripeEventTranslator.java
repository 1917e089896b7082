package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified Stripe event into our commands. Each command is idempotent and order-tolerant in its aggregate
 * (a late failure after a success, a refund before the success, a repeated dispute), so events may come in any
 * order. Refunds use Stripe's cumulative {@code amount_refunded}, which stays right whatever arrives first.
 */
@Component
class StripeEventTranslator {

    static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "invoice.paid", "invoice.payment_failed", "customer.subscription.updated",
            "customer.subscription.deleted", "charge.refunded", "charge.dispute.created");

    private final ProviderPayments ids;

    StripeEventTranslator(ProviderPayments ids) {
        this.ids = ids;
    }

    boolean handles(String type) {
        return HANDLED.contains(type);
    }

    /** The commands for this event; empty when it concerns nothing of ours. */
    List<Object> commands(String type, JsonNode object, Instant occurredAt) {
        return switch (type) {
            case "payment_intent.succeeded" -> List.of(new RecordPaymentSucceededCommand(
                    requirePayment(object, text(object, "id")), text(object, "id"), null, occurredAt));
            case "payment_intent.payment_failed" -> List.of(new RecordPaymentFailedCommand(
                    requirePayment(object, text(object, "id")), failureCode(object.path("last_payment_error")),
                    occurredAt));
            case "invoice.paid" -> paymentOf(object, text(object, "payment_intent"))
                    .<List<Object>>map(payment -> List.of(new RecordPaymentSucceededCommand(payment,
                            text(object, "payment_intent"), null, occurredAt)))
                    .orElse(List.of());
            case "invoice.payment_failed" -> paymentOf(object, text(object, "payment_intent"))
                    .<List<Object>>map(payment -> List.of(new RecordPaymentFailedCommand(payment,
                            failureCode(object.path("last_finalization_error")), occurredAt)))
                    .orElse(List.of());
            case "charge.refunded" -> List.of(new RecordRefundTotalCommand(
                    requirePayment(object, text(object, "payment_intent")),
                    money(object.path("amount_refunded").asLong(), object), occurredAt));
            case "charge.dispute.created" -> List.of(new ReportDisputeCommand(
                    requirePayment(object, text(object, "payment_intent")), text(object, "id"),
                    money(object.path("amount").asLong(), object), text(object, "reason"), occurredAt));
            case "customer.subscription.updated", "customer.subscription.deleted" ->
                    subscriptionCommands(type, object);
            default -> List.of();
        };
    }

    private List<Object> subscriptionCommands(String type, JsonNode object) {
        String ours = object.path("metadata").path("hyperx_subscription_id").asText(null);
        if (ours == null) {
            return List.of(); // not a subscription we made
        }
        SubscriptionId subscription = new SubscriptionId(UUID.fromString(ours));
        String status = text(object, "status");
        if (type.equals("customer.subscription.deleted") || "canceled".equals(status)) {
            return List.of(new CancelSubscriptionNowCommand(subscription));
        }
        return List.of(object.path("cancel_at_period_end").asBoolean(false)
                ? new RequestCancellationCommand(subscription)
                : new ResumeSubscriptionCommand(subscription));
    }

    private PaymentId requirePayment(JsonNode object, String intentId) {
        return paymentOf(object, intentId).orElseThrow(() -> new UnmatchedWebhookException(
                "No payment known for Stripe object " + text(object, "id")));
    }

    private Optional<PaymentId> paymentOf(JsonNode object, String intentId) {
        String fromMetadata = object.path("metadata").path(StripePaymentGateway.PAYMENT_ID).asText(null);
        if (fromMetadata != null) {
            return Optional.of(new PaymentId(UUID.fromString(fromMetadata)));
        }
        return intentId == null ? Optional.empty() : ids.paymentOf(intentId);
    }

    private static String failureCode(JsonNode error) {
        String decline = error.path("decline_code").asText(null);
        if (decline != null) {
            return decline;
        }
        return error.path("code").asText("payment_failed");
    }

    private static Money money(long minor, JsonNode object) {
        return Money.of(minor, text(object, "currency").toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        // expanded objects ({"id": ...}) and plain ids both name the object
        return value.isObject() ? value.path("id").asText(null) : value.asText();
    }

    /** The event names an object we do not know yet; Stripe should deliver it again later. */
    static final class UnmatchedWebhookException extends RuntimeException {
        UnmatchedWebhookException(String message) {
            super(message);
        }
    }
}
