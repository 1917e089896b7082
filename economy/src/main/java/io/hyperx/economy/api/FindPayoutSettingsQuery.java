package io.hyperx.economy.api;

import java.util.UUID;

/** A creator's payout settings; answered with a {@link PayoutSettingsView}. */
public record FindPayoutSettingsQuery(UUID creatorId) {
}
