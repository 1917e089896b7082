package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A renewal payment failed: access is kept, payment is retried at {@code retryAt}, and the subscription expires at {@code graceEndsAt} unless one succeeds. */
public record SubscriptionEnteredGracePeriod(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, PaymentId failedPaymentId, Instant graceEndsAt,
        List<Instant> retryAt, Instant occurredAt) {
}
