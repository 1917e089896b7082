package io.hyperx.notification.reactions;

import io.hyperx.notification.outbox.NotificationCategories;
import io.hyperx.notification.outbox.NotificationConfiguration;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

import static io.hyperx.notification.outbox.Channel.EMAIL;
import static io.hyperx.notification.outbox.Channel.IN_APP;

/**
 * Memberships and payments: welcome and new member (activation), receipt and new tip (payment succeeded), payment
 * failed with the way to fix it, grace period, expiry.
 */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@DisallowReplay
class SubscriptionNotifications {

    private final Notifier notifier;
    private final QueryGateway queries;

    SubscriptionNotifications(Notifier notifier, QueryGateway queries) {
        this.notifier = notifier;
        this.queries = queries;
    }

    @EventHandler
    void on(SubscriptionActivated event, @MessageIdentifier String eventId) {
        String tier = tierName(event.tierId());
        notifier.send(eventId, event.fanId(), NotificationCategories.MEMBERSHIP, "welcome", Map.of(
                "tierName", tier, "periodEnd", Notifier.format(event.periodEnd()),
                "subscriptionId", event.subscriptionId().value().toString(),
                "manageUrl", notifier.url("/subscriptions/" + event.subscriptionId().value())), EMAIL, IN_APP);
        notifier.send(eventId, event.creatorId(), NotificationCategories.SUPPORTERS, "new_subscriber", Map.of(
                "tierName", tier, "subscriptionId", event.subscriptionId().value().toString(),
                "membersUrl", notifier.url("/creator/members")), EMAIL, IN_APP);
    }

    @EventHandler
    void on(PaymentSucceeded event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.payerId(), NotificationCategories.BILLING, "receipt", Map.of(
                "amount", Notifier.format(event.gross()), "purpose", purpose(event.purpose()),
                "paymentId", event.paymentId().value().toString(), "date", Notifier.format(event.occurredAt()),
                "paymentsUrl", notifier.url("/account/payments")), EMAIL);
        if (event.purpose() == PaymentPurpose.TIP) {
            notifier.send(eventId, event.creatorId(), NotificationCategories.TIPS, "new_tip", Map.of(
                    "amount", Notifier.format(event.gross()), "tipsUrl", notifier.url("/creator/tips")),
                    EMAIL, IN_APP);
        }
    }

    @EventHandler
    void on(PaymentFailed event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.payerId(), NotificationCategories.BILLING, "payment_failed", Map.of(
                "amount", Notifier.format(event.amount()), "purpose", purpose(event.purpose()),
                "reason", event.failureCode() == null ? "declined" : event.failureCode().replace('_', ' '),
                "fixUrl", notifier.url("/account/payment-methods")), EMAIL, IN_APP);
    }

    @EventHandler
    void on(SubscriptionEnteredGracePeriod event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.fanId(), NotificationCategories.BILLING, "grace_period", Map.of(
                "graceEndsAt", Notifier.format(event.graceEndsAt()),
                "fixUrl", notifier.url("/subscriptions/" + event.subscriptionId().value() + "/payment-method")),
                EMAIL, IN_APP);
    }

    @EventHandler
    void on(SubscriptionExpired event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.fanId(), NotificationCategories.BILLING, "subscription_expired", Map.of(
                "reason", switch (event.reason()) {
                    case INITIAL_PAYMENT_FAILED -> "the first payment did not go through";
                    case GRACE_PERIOD_ENDED -> "the renewal could not be paid";
                },
                "creatorUrl", notifier.url("/creators/" + event.creatorId())), EMAIL, IN_APP);
    }

    private String tierName(TierId tierId) {
        try {
            TierView tier = queries.query(new FindTierQuery(tierId.value()), ResponseTypes.instanceOf(TierView.class))
                    .join();
            return tier == null ? "your tier" : tier.name();
        } catch (RuntimeException e) {
            return "your tier";
        }
    }

    private static String purpose(PaymentPurpose purpose) {
        return switch (purpose) {
            case SUBSCRIPTION_INITIAL -> "membership";
            case RENEWAL -> "membership renewal";
            case PRORATION -> "tier upgrade";
            case TIP -> "tip";
            case PRODUCT_PURCHASE -> "product purchase";
            case PAY_PER_VIEW -> "post unlock";
        };
    }
}
