package io.hyperx.economy.application;

import io.hyperx.economy.api.PayoutId;
import io.hyperx.kernel.Money;

import java.util.UUID;

/**
 * Sends money to a creator's payout destination. {@link #submit} starts the transfer (idempotent by payout id);
 * {@link #status} asks how it went. Outcomes are learnt by polling, so a restart loses nothing.
 */
public interface PayoutProvider {

    Outcome submit(PayoutId payoutId, UUID creatorId, Money amount);

    Outcome status(PayoutId payoutId, String providerReference);

    /** {@code PENDING} (ask again later), {@code PAID} or {@code FAILED} with a reason. */
    record Outcome(State state, String providerReference, String failureReason) {

        public enum State { PENDING, PAID, FAILED }

        public static Outcome pending(String reference) {
            return new Outcome(State.PENDING, reference, null);
        }

        public static Outcome paid(String reference) {
            return new Outcome(State.PAID, reference, null);
        }

        public static Outcome failed(String reference, String reason) {
            return new Outcome(State.FAILED, reference, reason);
        }
    }
}
