package io.hyperx.economy.application;

import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.kernel.DomainException;
import io.hyperx.kernel.Money;

import java.util.UUID;

/**
 * Sends money to a creator's payout destination. {@link #register} sets a destination up at the provider (we keep
 * only its ids and last 4 digits); {@link #submit} starts one attempt of a transfer (idempotent by payout id and
 * attempt); {@link #status} asks how it went. Outcomes are learnt by polling, so a restart loses nothing. A refusal
 * is a {@code FAILED} outcome; an unreachable or erring provider throws {@link Unavailable} (the job tries again).
 */
public interface PayoutProvider {

    /** {@code simulated} or {@code stripe}. */
    String mode();

    /**
     * Sets up a destination: a Stripe Connect account for the creator, or a bank account (a provider token, never
     * raw account numbers) on the creator's connected account ({@code existingAccount}, created when null). With
     * {@code onboarding}, a Stripe Connect destination answers the link where the creator completes the provider's
     * onboarding.
     */
    Registered register(UUID creatorId, PayoutDestinationKind kind, String token, String existingAccount,
                        Onboarding onboarding);

    Outcome submit(Transfer transfer);

    Outcome status(Transfer transfer, String providerReference);

    /** One attempt of a payout to a destination; {@code instant} asks for an instant bank payout. */
    record Transfer(PayoutId payoutId, int attempt, UUID creatorId, Destination destination, Money amount,
                    boolean instant) {

        /** The provider's idempotency key: a retried attempt is a new operation, a repeated call the same one. */
        public String idempotencyKey() {
            return "payout-" + payoutId + "-" + attempt;
        }
    }

    /** A registered destination: the connected account and, for a bank account, its provider id. */
    record Destination(PayoutDestinationKind kind, String providerAccount, String providerReference) {
    }

    /** Where the provider sends the creator back after onboarding, and where to when the link expired. */
    record Onboarding(String returnUrl, String refreshUrl) {
    }

    /** A destination set up at the provider; {@code onboardingUrl} is shown once and never stored. */
    record Registered(String providerAccount, String providerReference, String last4, String onboardingUrl) {

        public Registered(String providerAccount, String providerReference, String last4) {
            this(providerAccount, providerReference, last4, null);
        }
    }

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

    /** The provider could not be reached or answered with a server error; nothing was decided. */
    class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused to set up the destination (bad token, account not allowed). */
    class DestinationRefused extends DomainException {

        public DestinationRefused(String code, String message) {
            super(422, "payout_destination_refused", message + (code == null ? "" : " (" + code + ")"));
        }
    }
}
