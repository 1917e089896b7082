package io.hyperx.economy.api;

import io.hyperx.kernel.Money;

/** Daily auto-payout on or off, and the creator's own minimum ({@code null}: the platform's). */
public record PayoutSettingsView(boolean dailyAutoPayout, Money minimum) {
}
