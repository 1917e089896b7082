package archfixture.bad.economy.domain;

import archfixture.bad.subscription.domain.Plan;

/** Violates (a) and, with {@code Plan}, (d): reaches into subscription's domain. */
public class PayoutPolicy {

    public long limitFor(Plan plan) {
        return plan.priceMinor();
    }
}
