package io.hyperx.subscription.query;

/**
 * The processing group of the context's three read models (tiers, subscriptions, payments). They share one
 * processor because every processor holds up to (worker threads + 1) pooled connections (see the pool-size
 * invariant in {@code EventStoreIT}); each keeps its own tables and {@code @ResetHandler}, and they are rebuilt
 * together. The name is stored in token_entry: renaming it replays the views.
 */
public final class SubscriptionViews {

    public static final String GROUP = "subscription-projections";

    private SubscriptionViews() {
    }
}
