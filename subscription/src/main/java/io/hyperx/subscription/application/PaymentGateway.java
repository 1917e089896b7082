package io.hyperx.subscription.application;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;

import java.util.Optional;
import java.util.UUID;

/**
 * The payment processor, seen from the subscription context. The outcome of a charge arrives later, as a signed
 * webhook; {@link #charge} only starts it. Every call with the same payment id is the same charge (the payment id
 * is the processor's idempotency key).
 */
public interface PaymentGateway {

    Charge charge(ChargeRequest request);

    /** {@code stripe} or {@code simulator}. */
    String mode();

    /**
     * Asks the processor what became of a payment it was handed, for a payment whose outcome never arrived: the
     * event that reports the outcome, or empty while the processor has none (or never saw the payment).
     */
    Optional<ReportedOutcome> outcomeOf(PaymentId paymentId);

    /**
     * A payment's outcome as the processor's event (Stripe's JSON): the id of the event its webhook carries when the
     * processor can tell, else an id derived from the payment intent and the outcome, the same at every asking.
     */
    record ReportedOutcome(String eventJson) {
    }

    /** What to charge; {@code offSession} when the payer is not present (renewals, retries). */
    record ChargeRequest(PaymentId paymentId, PaymentPurpose purpose, java.util.UUID purposeReference, UUID payerId,
                         UUID creatorId, Money amount, String paymentMethodId, boolean offSession) {
    }

    /**
     * The processor's answer: its payment id, its status ({@code succeeded}, {@code processing},
     * {@code requires_action}, {@code requires_payment_method}), the client secret a browser needs to finish
     * (3-D Secure) and a decline code when refused at once.
     */
    record Charge(String providerPaymentId, String status, String clientSecret, String declineCode) {
    }

    /** The processor could not be reached or kept failing (429, 5xx) after the client's own retries. */
    final class GatewayUnavailableException extends RuntimeException {
        public GatewayUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
