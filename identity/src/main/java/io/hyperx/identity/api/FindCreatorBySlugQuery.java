package io.hyperx.identity.api;

/**
 * Which creator publishes under {@code slug}; answered with a {@link CreatorRef}, or null when no active creator has
 * a published profile with that slug. Lets other contexts serve {@code /api/v1/public/creators/{slug}/...}.
 */
public record FindCreatorBySlugQuery(String slug) {
}
