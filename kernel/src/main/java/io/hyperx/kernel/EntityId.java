package io.hyperx.kernel;

import java.util.UUID;

/** A typed identifier backed by a UUID; implement it with a record per entity, e.g. {@code record CreatorId(UUID value)}. */
public interface EntityId {

    UUID value();
}
