package io.hyperx.notification.webhook;

import java.util.List;

/** The event types an endpoint may subscribe to, and the test event every endpoint can be sent. */
public final class WebhookEventTypes {

    public static final String SUBSCRIPTION_ACTIVATED = "subscription.activated";
    public static final String SUBSCRIPTION_CANCELLED = "subscription.cancelled";
    public static final String SUBSCRIPTION_EXPIRED = "subscription.expired";
    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String PAYOUT_COMPLETED = "payout.completed";
    public static final String PAYOUT_FAILED = "payout.failed";
    public static final String TEST = "webhook.test";

    public static final List<String> SUBSCRIBABLE = List.of(SUBSCRIPTION_ACTIVATED, SUBSCRIPTION_CANCELLED,
            SUBSCRIPTION_EXPIRED, PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_REFUNDED, PAYOUT_COMPLETED,
            PAYOUT_FAILED);

    private WebhookEventTypes() {
    }
}
