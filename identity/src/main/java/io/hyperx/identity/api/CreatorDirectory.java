package io.hyperx.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * How other contexts turn the creator named in a public URL or request into the creator's account id: by slug, or
 * (for API clients) by the id itself. Implemented by identity.
 */
public interface CreatorDirectory {

    /** {@code slugOrId} itself when it is a UUID; else the creator publishing under that slug; empty when none. */
    Optional<UUID> creatorId(String slugOrId);
}
