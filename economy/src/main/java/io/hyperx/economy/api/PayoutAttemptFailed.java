package io.hyperx.economy.api;

import java.time.Instant;

/**
 * One attempt of a payout failed and it will be tried again at {@code nextAttemptAt}; the amount stays reserved for
 * it. The last failed attempt is {@link PayoutFailed} instead, which returns the funds.
 */
public record PayoutAttemptFailed(WalletId walletId, PayoutId payoutId, int attempt, String reason,
        Instant nextAttemptAt, Instant occurredAt) implements WalletEvent {
}
