package io.hyperx.identity.api;

import java.util.UUID;

/** A creator as other contexts know them: the account id behind a published slug. */
public record CreatorRef(UUID creatorId, String slug) {
}
