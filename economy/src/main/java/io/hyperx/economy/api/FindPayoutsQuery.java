package io.hyperx.economy.api;

import java.util.UUID;

/** A creator's payouts, newest first. */
public record FindPayoutsQuery(UUID creatorId, int page, int size) {
}
