package io.hyperx.identity.api;

import java.time.Instant;

/** A fan became a creator. */
public record AccountUpgradedToCreator(AccountId accountId, Instant upgradedAt) {
}
