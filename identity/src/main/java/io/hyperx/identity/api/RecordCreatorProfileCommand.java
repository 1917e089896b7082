package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that the creator changed their public profile (the profile's contents stay in identity's tables). */
public record RecordCreatorProfileCommand(@TargetAggregateIdentifier AccountId accountId, boolean published, Instant at) {
}
