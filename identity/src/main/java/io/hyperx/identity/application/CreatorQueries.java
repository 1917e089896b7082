package io.hyperx.identity.application;

import io.hyperx.identity.api.CreatorDirectory;
import io.hyperx.identity.api.CreatorRef;
import io.hyperx.identity.api.FindCreatorBySlugQuery;
import io.hyperx.identity.domain.SlugPolicy;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Answers other contexts' questions about creators. */
@Component
class CreatorQueries implements CreatorDirectory {

    private final CreatorProfileService profiles;

    CreatorQueries(CreatorProfileService profiles) {
        this.profiles = profiles;
    }

    @QueryHandler
    CreatorRef handle(FindCreatorBySlugQuery query) {
        if (query.slug() == null || SlugPolicy.refusal(SlugPolicy.normalize(query.slug())).isPresent()) {
            return null;
        }
        return profiles.published(query.slug())
                .map(profile -> new CreatorRef(profile.accountId().value(), profile.slug()))
                .orElse(null);
    }

    @Override
    public Optional<UUID> creatorId(String slugOrId) {
        if (slugOrId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(slugOrId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.ofNullable(handle(new FindCreatorBySlugQuery(slugOrId))).map(CreatorRef::creatorId);
        }
    }
}
