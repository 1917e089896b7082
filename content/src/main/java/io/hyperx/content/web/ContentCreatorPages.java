package io.hyperx.content.web;

import io.hyperx.content.domain.ContentProblem;
import io.hyperx.identity.api.CreatorDirectory;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Public creator pages are addressed by slug (or, for API clients, by the creator's account id). */
@Component
class ContentCreatorPages {

    private final CreatorDirectory directory;

    ContentCreatorPages(CreatorDirectory directory) {
        this.directory = directory;
    }

    UUID idOf(String slugOrId) {
        return directory.creatorId(slugOrId).orElseThrow(() ->
                ContentProblem.notFound("creator_not_found", "No published creator '" + slugOrId + "'."));
    }
}
