package io.hyperx.identity.application;

import io.hyperx.identity.api.CreatorRef;
import io.hyperx.identity.api.FindCreatorBySlugQuery;
import io.hyperx.identity.domain.SlugPolicy;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other contexts' questions about creators. */
@Component
class CreatorQueries {

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
}
