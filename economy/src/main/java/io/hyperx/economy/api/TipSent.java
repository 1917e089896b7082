package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;

import java.time.Instant;
import java.util.UUID;

/** A fan sent a tip; its payment {@code paymentId} (purpose TIP, reference the tip id) is started from this. */
public record TipSent(TipId tipId, UUID fanId, UUID creatorId, Money amount, String message, boolean anonymous,
        PaymentId paymentId, String paymentMethodId, Instant occurredAt) {
}
