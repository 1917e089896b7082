package io.hyperx.subscription.api;

import java.util.UUID;

/** Payments made by a payer or received by a creator (one of the two is set), newest first. */
public record FindPaymentsQuery(UUID payerId, UUID creatorId, int page, int size) {
}
