package io.hyperx.identity.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Capability names, the unit of authorization. Endpoints declare one with {@link RequiresCapability}; principals
 * hold the set their role grants (or, for API keys, the key's scopes). A held capability ending in {@code :*}
 * grants every capability with that prefix ({@code ops:*} grants {@code ops:replay}).
 */
public final class Capability {

    // every account
    public static final String ACCOUNT_SELF = "account:self";
    public static final String API_KEYS_MANAGE = "apikeys:manage";
    // fans (and everybody above them)
    public static final String ACCOUNT_UPGRADE = "account:upgrade";
    public static final String SUBSCRIPTIONS_CREATE = "subscriptions:create";
    public static final String TIPS_CREATE = "tips:create";
    public static final String PURCHASES_CREATE = "purchases:create";
    public static final String CONTENT_VIEW = "content:view";
    public static final String FOLLOWS_WRITE = "follows:write";
    public static final String DISPUTES_OPEN = "disputes:open";
    // creators
    public static final String PROFILE_WRITE = "profile:write";
    public static final String TIERS_WRITE = "tiers:write";
    public static final String CONTENT_PUBLISH = "content:publish";
    public static final String PRODUCTS_WRITE = "products:write";
    public static final String PAYOUTS_REQUEST = "payouts:request";
    public static final String ANALYTICS_VIEW = "analytics:view";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    // admins
    public static final String ACCOUNTS_SUSPEND = "accounts:suspend";
    public static final String DISPUTES_MANAGE = "disputes:manage";
    public static final String OPS_ALL = "ops:*";

    public static final Set<String> FAN = Set.of(ACCOUNT_SELF, API_KEYS_MANAGE, ACCOUNT_UPGRADE,
            SUBSCRIPTIONS_CREATE, TIPS_CREATE, PURCHASES_CREATE, CONTENT_VIEW, FOLLOWS_WRITE, DISPUTES_OPEN);

    public static final Set<String> CREATOR = union(FAN, Set.of(PROFILE_WRITE, TIERS_WRITE, CONTENT_PUBLISH,
            PRODUCTS_WRITE, PAYOUTS_REQUEST, ANALYTICS_VIEW, WEBHOOKS_MANAGE));

    public static final Set<String> ADMIN = union(CREATOR, Set.of(ACCOUNTS_SUSPEND, DISPUTES_MANAGE, OPS_ALL));

    private Capability() {
    }

    public static Set<String> of(Role role) {
        return switch (role) {
            case FAN -> FAN;
            case CREATOR -> CREATOR;
            case ADMIN -> ADMIN;
        };
    }

    /** True when {@code held} contains {@code required} itself or a wildcard ({@code ops:*}) covering it. */
    public static boolean grants(Collection<String> held, String required) {
        if (held.contains(required)) {
            return true;
        }
        for (String capability : held) {
            if (capability.endsWith(":*")
                    && required.startsWith(capability.substring(0, capability.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
