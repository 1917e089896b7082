package io.hyperx.subscription.api;

import java.util.List;

/** One page of subscriptions. */
public record SubscriptionPage(List<SubscriptionView> data, Pagination pagination) {
}
