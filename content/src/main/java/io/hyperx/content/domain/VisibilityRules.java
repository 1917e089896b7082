package io.hyperx.content.domain;

import io.hyperx.content.api.Visibility;

/**
 * A visibility policy is complete and carries nothing its type does not use: {@code minTierRank} needs a rank of
 * at least 1, {@code tiers} at least one tier, {@code payPerView} a positive price (tiers optional, free for them).
 */
public final class VisibilityRules {

    private VisibilityRules() {
    }

    /** The policy normalised (unused fields dropped), or a 422 {@code invalid_visibility}. */
    public static Visibility validate(Visibility visibility) {
        if (visibility == null || visibility.type() == null) {
            throw invalid("visibility.type is required: one of " + Visibility.TYPES + ".");
        }
        return switch (visibility.type()) {
            case Visibility.PUBLIC -> Visibility.everyone();
            case Visibility.MEMBERS -> Visibility.members();
            case Visibility.MIN_TIER_RANK -> {
                if (visibility.minTierRank() == null || visibility.minTierRank() < 1) {
                    throw invalid("minTierRank visibility needs minTierRank >= 1.");
                }
                yield Visibility.minTierRank(visibility.minTierRank());
            }
            case Visibility.TIERS -> {
                if (visibility.tierIds() == null || visibility.tierIds().isEmpty()) {
                    throw invalid("tiers visibility needs at least one tier id.");
                }
                yield Visibility.tiers(visibility.tierIds());
            }
            case Visibility.PAY_PER_VIEW -> {
                if (visibility.price() == null || visibility.price().signum() <= 0) {
                    throw invalid("payPerView visibility needs a positive price.");
                }
                yield Visibility.payPerView(visibility.price(),
                        visibility.tierIds() == null || visibility.tierIds().isEmpty() ? null : visibility.tierIds());
            }
            default -> throw invalid("Unknown visibility type '" + visibility.type() + "': one of "
                    + Visibility.TYPES + ".");
        };
    }

    private static RuntimeException invalid(String message) {
        return ContentProblem.unprocessable("invalid_visibility", message);
    }
}
