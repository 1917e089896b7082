package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentStatus;

/** Refunds of a payment may add up to its gross, never more; the gross refunded in full is a refunded payment. */
public final class RefundPolicy {

    private RefundPolicy() {
    }

    public static boolean exceedsPayment(Money gross, Money totalRefunded) {
        return totalRefunded.isGreaterThan(gross);
    }

    public static PaymentStatus statusAfterRefund(Money gross, Money totalRefunded) {
        return totalRefunded.compareTo(gross) == 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
}
