package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Records that the owner changed their account's display name or avatar (the values stay in identity's tables). */
public record ChangeAccountProfileCommand(@TargetAggregateIdentifier AccountId accountId, Set<String> changedFields,
                                          Instant at) {
}
