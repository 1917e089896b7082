package archfixture.bad.subscription.domain;

import archfixture.bad.economy.api.PayoutId;

/** Depends on economy, which depends on subscription: a cycle (d). */
public record Plan(long priceMinor, PayoutId lastPayout) {
}
