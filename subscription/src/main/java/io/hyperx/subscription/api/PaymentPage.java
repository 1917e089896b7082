package io.hyperx.subscription.api;

import java.util.List;

/** One page of payments. */
public record PaymentPage(List<PaymentView> data, Pagination pagination) {
}
