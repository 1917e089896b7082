package io.hyperx.subscription.api;

import java.util.UUID;

/** One payment, or none. */
public record FindPaymentQuery(UUID paymentId) {
}
