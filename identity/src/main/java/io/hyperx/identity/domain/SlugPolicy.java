package io.hyperx.identity.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A creator slug is 3 to 100 characters of {@code a-z}, {@code 0-9} and inner hyphens, compared case-insensitively
 * (it is stored lower-case), and not a reserved word. Uniqueness is the database's job (a unique constraint).
 */
public final class SlugPolicy {

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{1,98}[a-z0-9])$");

    public static final Set<String> RESERVED = Set.of("admin", "administrator", "api", "www", "app", "apps", "help",
            "support", "about", "login", "logout", "register", "signup", "signin", "settings", "hyperx", "public",
            "static", "assets", "creator", "creators", "fan", "fans", "blog", "docs", "status", "mail", "email",
            "root", "system", "billing", "payments", "payouts", "terms", "privacy", "security", "dashboard",
            "explore", "search", "feed", "new", "edit", "me", "account", "accounts", "auth", "oauth", "health",
            "actuator", "null", "undefined", "staff", "moderator", "official");

    private SlugPolicy() {
    }

    /** The slug in its canonical (trimmed, lower-case) form. */
    public static String normalize(String slug) {
        return slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT);
    }

    /** Why the (normalized) slug is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String normalizedSlug) {
        if (!PATTERN.matcher(normalizedSlug).matches()) {
            return Optional.of("slug_invalid");
        }
        if (normalizedSlug.contains("--")) {
            return Optional.of("slug_invalid");
        }
        if (RESERVED.contains(normalizedSlug)) {
            return Optional.of("slug_reserved");
        }
        return Optional.empty();
    }
}
