package io.hyperx.subscription.domain;

import io.hyperx.kernel.Ids;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.TierId;

import java.time.Instant;

/** Payment ids derived from what triggers them, so a redelivered trigger can never start a second payment. */
public final class SubscriptionPaymentIds {

    private static final String NAMESPACE = "subscription-payment";

    private SubscriptionPaymentIds() {
    }

    public static PaymentId initial(SubscriptionId subscription) {
        return new PaymentId(Ids.deterministic(NAMESPACE, subscription.toString(), "initial"));
    }

    public static PaymentId renewal(SubscriptionId subscription, Instant periodEnd) {
        return new PaymentId(Ids.deterministic(NAMESPACE, subscription.toString(), "renewal", periodEnd.toString()));
    }

    public static PaymentId retry(SubscriptionId subscription, PaymentId failed, int attempt) {
        return new PaymentId(Ids.deterministic(NAMESPACE, subscription.toString(), "retry", failed.toString(),
                Integer.toString(attempt)));
    }

    public static PaymentId proration(SubscriptionId subscription, TierId to, Instant periodEnd) {
        return new PaymentId(Ids.deterministic(NAMESPACE, subscription.toString(), "proration", to.toString(),
                periodEnd.toString()));
    }
}
