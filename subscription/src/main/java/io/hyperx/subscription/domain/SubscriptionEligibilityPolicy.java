package io.hyperx.subscription.domain;

import java.util.UUID;

/**
 * Who may subscribe to a tier: not its own creator (422), only a published (422), unarchived (409)
 * tier, not while already subscribed to the same creator (409: change tier instead), and not to a full tier (409).
 */
public final class SubscriptionEligibilityPolicy {

    private SubscriptionEligibilityPolicy() {
    }

    /** The tier facts the rule needs. */
    public record TierTerms(UUID creatorId, boolean published, boolean archived, Integer memberLimit,
                            int memberCount) {
    }

    public static void check(UUID fanId, TierTerms tier, boolean alreadySubscribedToCreator) {
        if (tier.creatorId().equals(fanId)) {
            throw SubscriptionProblem.unprocessable("own_tier", "Creators cannot subscribe to their own tiers.");
        }
        if (tier.archived()) {
            throw SubscriptionProblem.conflict("tier_archived", "The tier is archived and takes no new members.");
        }
        if (!tier.published()) {
            throw SubscriptionProblem.unprocessable("tier_not_published", "The tier is not published.");
        }
        if (alreadySubscribedToCreator) {
            throw SubscriptionProblem.conflict("already_subscribed",
                    "You already subscribe to this creator; change tier instead.");
        }
        if (tier.memberLimit() != null && tier.memberCount() >= tier.memberLimit()) {
            throw SubscriptionProblem.conflict("tier_full", "The tier has reached its member limit.");
        }
    }
}
