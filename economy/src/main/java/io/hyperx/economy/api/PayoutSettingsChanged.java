package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

import java.time.Instant;

/** The creator's daily auto-payout setting and own minimum ({@code null}: the platform's minimum). */
public record PayoutSettingsChanged(WalletId walletId, boolean dailyAutoPayout, Money minimum, Instant occurredAt)
        implements WalletEvent {
}
