package io.hyperx.content.api;

import io.hyperx.kernel.Money;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read a post (DESIGN.md §5): {@code type} is {@code public}, {@code members} (any active paid tier),
 * {@code minTierRank} (a tier of at least {@code minTierRank}), {@code tiers} (one of {@code tierIds}) or
 * {@code payPerView} ({@code price}, and free for members of {@code tierIds} when given). Fields a type does not use
 * are {@code null}.
 */
public record Visibility(String type, Integer minTierRank, List<UUID> tierIds, Money price) {

    public static final String PUBLIC = "public";
    public static final String MEMBERS = "members";
    public static final String MIN_TIER_RANK = "minTierRank";
    public static final String TIERS = "tiers";
    public static final String PAY_PER_VIEW = "payPerView";
    public static final Set<String> TYPES = Set.of(PUBLIC, MEMBERS, MIN_TIER_RANK, TIERS, PAY_PER_VIEW);

    public Visibility {
        tierIds = tierIds == null ? null : List.copyOf(tierIds);
    }

    public static Visibility everyone() {
        return new Visibility(PUBLIC, null, null, null);
    }

    public static Visibility members() {
        return new Visibility(MEMBERS, null, null, null);
    }

    public static Visibility minTierRank(int rank) {
        return new Visibility(MIN_TIER_RANK, rank, null, null);
    }

    public static Visibility tiers(List<UUID> tierIds) {
        return new Visibility(TIERS, null, tierIds, null);
    }

    public static Visibility payPerView(Money price, List<UUID> freeForTierIds) {
        return new Visibility(PAY_PER_VIEW, null, freeForTierIds, price);
    }
}
