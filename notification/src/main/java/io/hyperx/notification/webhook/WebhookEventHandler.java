package io.hyperx.notification.webhook;

import io.hyperx.economy.api.PayoutCompleted;
import io.hyperx.economy.api.PayoutFailed;
import io.hyperx.kernel.Money;
import io.hyperx.notification.outbox.NotificationConfiguration;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionExpired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Creator webhooks for subscriber, payment and payout events. The webhook event id is the domain event's id, so a
 * redelivered event maps to the same outbox keys. Skipped on replay: a rebuild never sends again.
 */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@DisallowReplay
class WebhookEventHandler {

    private final WebhookPublisher publisher;

    WebhookEventHandler(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(SubscriptionActivated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.SUBSCRIPTION_ACTIVATED, at, event.creatorId(), data(
                "subscriptionId", event.subscriptionId().value(), "fanId", event.fanId(),
                "tierId", event.tierId().value(), "paymentId", event.paymentId().value(),
                "periodStart", event.periodStart(), "periodEnd", event.periodEnd()));
    }

    @EventHandler
    void on(SubscriptionCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.SUBSCRIPTION_CANCELLED, at, event.creatorId(), data(
                "subscriptionId", event.subscriptionId().value(), "fanId", event.fanId(),
                "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(SubscriptionExpired event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.SUBSCRIPTION_EXPIRED, at, event.creatorId(), data(
                "subscriptionId", event.subscriptionId().value(), "fanId", event.fanId(),
                "reason", event.reason(), "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(PaymentSucceeded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.PAYMENT_SUCCEEDED, at, event.creatorId(), data(
                "paymentId", event.paymentId().value(), "purpose", purpose(event.purpose()),
                "purposeReference", event.purposeReference(), "payerId", event.payerId(),
                "amount", money(event.gross()), "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(PaymentFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.PAYMENT_FAILED, at, event.creatorId(), data(
                "paymentId", event.paymentId().value(), "purpose", purpose(event.purpose()),
                "purposeReference", event.purposeReference(), "payerId", event.payerId(),
                "amount", money(event.amount()), "failureCode", event.failureCode(),
                "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(PaymentRefunded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.PAYMENT_REFUNDED, at, event.creatorId(), data(
                "refundId", event.refundId(), "paymentId", event.paymentId().value(),
                "purpose", purpose(event.purpose()), "purposeReference", event.purposeReference(),
                "payerId", event.payerId(), "amount", money(event.amount()),
                "totalRefunded", money(event.totalRefunded()), "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(PayoutCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.PAYOUT_COMPLETED, at, event.walletId().creatorId(), data(
                "payoutId", event.payoutId().value(), "amount", money(event.amount()), "fee", money(event.fee()),
                "occurredAt", event.occurredAt()));
    }

    @EventHandler
    void on(PayoutFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        publisher.publish(eventId, WebhookEventTypes.PAYOUT_FAILED, at, event.walletId().creatorId(), data(
                "payoutId", event.payoutId().value(), "amount", money(event.amount()), "reason", event.reason(),
                "occurredAt", event.occurredAt()));
    }

    /**
     * Lets the notification group be reset (so {@code hyperx replay --all} and rebuilds of every group work): there is
     * nothing to clear, and every reaction stays skipped while the group replays.
     */
    @ResetHandler
    @AllowReplay
    void onReset() {
        // no state to clear
    }

    /** A payload map from key/value pairs: ids and instants as strings, nulls left out. */
    static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                data.put((String) keyValues[i], value instanceof Map<?, ?> ? value : value.toString());
            }
        }
        return data;
    }

    private static String purpose(Enum<?> purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> money(Money money) {
        return money == null ? null : Map.of("amountMinor", money.amountMinor(),
                "currency", money.currency().getCurrencyCode());
    }
}
