package io.hyperx.content.domain;

import io.hyperx.content.api.Visibility;

import java.util.List;
import java.util.UUID;

/**
 * Who may read a published post, in this order: public posts everyone; anonymous callers nothing else (401); the
 * post's creator everything; a caller without {@code content:view} nothing (403); pay-per-view when unlocked by a
 * payment or held free through one of its tiers, else 402; members with any active tier; minTierRank with a tier of
 * at least that rank; tiers with one of them; anything else 403. Pure: the caller hands in the facts.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** How the request ends. */
    public enum Outcome {
        ALLOWED(200), UNAUTHENTICATED(401), PAYMENT_REQUIRED(402), INSUFFICIENT_TIER(403), CAPABILITY_MISSING(403),
        UNDECIDABLE(503);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The caller: {@code accountId} null when anonymous. */
    public record Viewer(UUID accountId, boolean canViewContent) {

        public static final Viewer ANONYMOUS = new Viewer(null, false);

        public boolean anonymous() {
            return accountId == null;
        }
    }

    /** A tier the viewer holds with the post's creator now (active, trialing or in grace). */
    public record HeldTier(UUID tierId, int rank) {
    }

    /** What the entitlements projection knows about the viewer and this post's creator. */
    public interface Entitlements {

        List<HeldTier> heldTiers();

        boolean unlocked();
    }

    public static Outcome decide(UUID creatorId, Visibility visibility, Viewer viewer, Entitlements entitlements) {
        if (visibility == null || visibility.type() == null) {
            return Outcome.UNDECIDABLE;
        }
        if (Visibility.PUBLIC.equals(visibility.type())) {
            return Outcome.ALLOWED;
        }
        if (viewer == null || viewer.anonymous()) {
            return Outcome.UNAUTHENTICATED;
        }
        if (viewer.accountId().equals(creatorId)) {
            return Outcome.ALLOWED;
        }
        if (!viewer.canViewContent()) {
            return Outcome.CAPABILITY_MISSING;
        }
        return switch (visibility.type()) {
            case Visibility.PAY_PER_VIEW -> entitlements.unlocked()
                    || (visibility.tierIds() != null && holdsOneOf(entitlements.heldTiers(), visibility.tierIds()))
                    ? Outcome.ALLOWED : Outcome.PAYMENT_REQUIRED;
            case Visibility.MEMBERS -> entitlements.heldTiers().isEmpty() ? Outcome.INSUFFICIENT_TIER : Outcome.ALLOWED;
            case Visibility.MIN_TIER_RANK -> visibility.minTierRank() != null
                    && entitlements.heldTiers().stream().anyMatch(tier -> tier.rank() >= visibility.minTierRank())
                    ? Outcome.ALLOWED : Outcome.INSUFFICIENT_TIER;
            case Visibility.TIERS -> holdsOneOf(entitlements.heldTiers(), visibility.tierIds())
                    ? Outcome.ALLOWED : Outcome.INSUFFICIENT_TIER;
            default -> Outcome.UNDECIDABLE;
        };
    }

    private static boolean holdsOneOf(List<HeldTier> held, List<UUID> tierIds) {
        return tierIds != null && held.stream().anyMatch(tier -> tierIds.contains(tier.tierId()));
    }
}
