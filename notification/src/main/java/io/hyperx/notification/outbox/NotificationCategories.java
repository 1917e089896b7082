package io.hyperx.notification.outbox;

import java.util.List;
import java.util.Set;

/**
 * The categories people can turn on and off per channel. Transactional ones (security, billing, payouts) are always
 * sent: they tell people about their account and their money.
 */
public final class NotificationCategories {

    public static final String SECURITY = "security";
    public static final String BILLING = "billing";
    public static final String PAYOUTS = "payouts";
    public static final String MEMBERSHIP = "membership";
    public static final String SUPPORTERS = "supporters";
    public static final String TIPS = "tips";
    public static final String POSTS = "posts";

    public static final List<String> ALL = List.of(SECURITY, BILLING, PAYOUTS, MEMBERSHIP, SUPPORTERS, TIPS, POSTS);
    public static final Set<String> TRANSACTIONAL = Set.of(SECURITY, BILLING, PAYOUTS);

    private NotificationCategories() {
    }

    public static boolean transactional(String category) {
        return TRANSACTIONAL.contains(category);
    }
}
