package io.hyperx.economy.infra;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BankAccount;
import com.stripe.model.ExternalAccount;
import com.stripe.model.Payout;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountExternalAccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PayoutCreateParams;
import com.stripe.param.TransferCreateParams;
import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.application.PayoutProvider;

import java.util.Locale;
import java.util.UUID;

/**
 * Payouts through Stripe Connect. A creator has one Express connected account (metadata: our account id only),
 * onboarded through an account link when the caller gives return and refresh URLs. A
 * payout transfers the amount from the platform to that account (one transfer per payout, whatever the attempt);
 * to a Stripe Connect destination that is the payout (Stripe pays it out on the account's schedule), to a bank
 * account a payout on the connected account follows (instant or standard), polled until paid or failed. Every call
 * carries an {@code Idempotency-Key} derived from the payout id, so stripe-java's network retries and our repeated
 * calls are the same Stripe operation. Stripe refusals (4xx) are failures; server errors, rate limits and timeouts
 * throw {@link Unavailable} and are tried again.
 */
class StripePayoutProvider implements PayoutProvider {

    static final String CREATOR_ID = "hyperx_creator_id";
    static final String PAYOUT_ID = "hyperx_payout_id";

    private final StripeClient stripe;

    StripePayoutProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String mode() {
        return "stripe";
    }

    @Override
    public Registered register(UUID creatorId, PayoutDestinationKind kind, String token, String existingAccount,
                               Onboarding onboarding) {
        try {
            String account = existingAccount != null ? existingAccount : stripe.v1().accounts().create(
                    AccountCreateParams.builder().setType(AccountCreateParams.Type.EXPRESS)
                            .putMetadata(CREATOR_ID, creatorId.toString()).build(),
                    idempotent("connect-account-" + creatorId)).getId();
            if (kind == PayoutDestinationKind.STRIPE_CONNECT) {
                String link = onboarding == null ? null : stripe.v1().accountLinks().create(
                        AccountLinkCreateParams.builder().setAccount(account)
                                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                                .setReturnUrl(onboarding.returnUrl()).setRefreshUrl(onboarding.refreshUrl())
                                .build()).getUrl();
                return new Registered(account, account, null, link);
            }
            if (token == null || token.isBlank()) {
                throw new DestinationRefused("token_required", "A bank account needs a bank account token.");
            }
            ExternalAccount external = stripe.v1().accounts().externalAccounts().create(account,
                    AccountExternalAccountCreateParams.builder().setExternalAccount(token).build(),
                    idempotent("bank-account-" + creatorId + "-" + token));
            String last4 = external instanceof BankAccount bank ? bank.getLast4() : null;
            return new Registered(account, external.getId(), last4);
        } catch (StripeException e) {
            if (retryable(e)) {
                throw new Unavailable("Stripe unavailable: " + e.getMessage(), e);
            }
            throw new DestinationRefused(e.getCode(), "Stripe refused the payout destination: "
                    + (e.getStripeError() != null ? e.getStripeError().getMessage() : e.getMessage()));
        }
    }

    @Override
    public Outcome submit(Transfer transfer) {
        String currency = transfer.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT);
        try {
            com.stripe.model.Transfer sent = stripe.v1().transfers().create(TransferCreateParams.builder()
                            .setAmount(transfer.amount().amountMinor())
                            .setCurrency(currency)
                            .setDestination(transfer.destination().providerAccount())
                            .setTransferGroup(transfer.payoutId().toString())
                            .putMetadata(PAYOUT_ID, transfer.payoutId().toString())
                            .build(),
                    idempotent("payout-" + transfer.payoutId() + "-transfer"));
            if (transfer.destination().kind() == PayoutDestinationKind.STRIPE_CONNECT) {
                return Outcome.paid(sent.getId());
            }
            Payout payout = stripe.v1().payouts().create(PayoutCreateParams.builder()
                            .setAmount(transfer.amount().amountMinor())
                            .setCurrency(currency)
                            .setDestination(transfer.destination().providerReference())
                            .setMethod(transfer.instant() ? PayoutCreateParams.Method.INSTANT
                                    : PayoutCreateParams.Method.STANDARD)
                            .putMetadata(PAYOUT_ID, transfer.payoutId().toString())
                            .build(),
                    RequestOptions.builder().setStripeAccount(transfer.destination().providerAccount())
                            .setIdempotencyKey(transfer.idempotencyKey()).build());
            return outcome(payout);
        } catch (StripeException e) {
            return refusedOrThrow(e);
        }
    }

    @Override
    public Outcome status(Transfer transfer, String providerReference) {
        try {
            if (transfer.destination().kind() == PayoutDestinationKind.STRIPE_CONNECT) {
                com.stripe.model.Transfer sent = stripe.v1().transfers().retrieve(providerReference);
                return Boolean.TRUE.equals(sent.getReversed()) ? Outcome.failed(providerReference, "transfer_reversed")
                        : Outcome.paid(providerReference);
            }
            return outcome(stripe.v1().payouts().retrieve(providerReference, RequestOptions.builder()
                    .setStripeAccount(transfer.destination().providerAccount()).build()));
        } catch (StripeException e) {
            return refusedOrThrow(e);
        }
    }

    private static Outcome outcome(Payout payout) {
        return switch (payout.getStatus()) {
            case "paid" -> Outcome.paid(payout.getId());
            case "failed", "canceled" -> Outcome.failed(payout.getId(),
                    payout.getFailureCode() != null ? payout.getFailureCode() : payout.getStatus());
            default -> Outcome.pending(payout.getId());
        };
    }

    private static Outcome refusedOrThrow(StripeException e) {
        if (retryable(e)) {
            throw new Unavailable("Stripe unavailable: " + e.getMessage(), e);
        }
        return Outcome.failed(null, e.getCode() != null ? e.getCode() : "stripe_error");
    }

    /** Server errors, rate limits, network trouble, and our own configuration: nothing was decided. */
    private static boolean retryable(StripeException e) {
        return e instanceof ApiConnectionException || e instanceof ApiException || e instanceof RateLimitException
                || e instanceof AuthenticationException || e instanceof PermissionException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
