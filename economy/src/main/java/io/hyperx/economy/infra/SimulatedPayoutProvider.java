package io.hyperx.economy.infra;

import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.application.PayoutProvider;

import java.util.UUID;

/**
 * The offline payout provider (the default while no Stripe secret key is configured). Bank account tokens must look
 * like Stripe's ({@code btok_...}); their last four digits, when they end in digits, are the account's last 4; a
 * simulated connected account needs no onboarding. A
 * submitted payout is pending, and paid when it is next asked about, so confirmation is asynchronous like a real
 * provider's. Amounts (after the fee) whose minor units end in {@code 13} always fail with {@code account_closed};
 * ending in {@code 14}, the first attempt fails with {@code bank_unavailable} and later ones succeed, so the failure
 * and retry paths can be exercised end to end.
 */
class SimulatedPayoutProvider implements PayoutProvider {

    static final String FAILING_SUFFIX = "13";
    static final String FAILING_ONCE_SUFFIX = "14";

    @Override
    public String mode() {
        return "simulated";
    }

    @Override
    public Registered register(UUID creatorId, PayoutDestinationKind kind, String token, String existingAccount,
                               Onboarding onboarding) {
        String account = existingAccount != null ? existingAccount
                : "acct_sim_" + creatorId.toString().replace("-", "").substring(0, 16);
        if (kind == PayoutDestinationKind.STRIPE_CONNECT) {
            return new Registered(account, account, null);
        }
        if (token == null || !token.startsWith("btok_")) {
            throw new DestinationRefused("invalid_token", "A bank account is registered with a bank account token "
                    + "(btok_...) from the provider's client library, never with raw account numbers.");
        }
        String tail = token.length() >= 4 ? token.substring(token.length() - 4) : "";
        String last4 = tail.chars().allMatch(Character::isDigit) && tail.length() == 4 ? tail : "6789";
        return new Registered(account, "ba_sim_" + UUID.nameUUIDFromBytes(token.getBytes()).toString()
                .replace("-", "").substring(0, 16), last4);
    }

    @Override
    public Outcome submit(Transfer transfer) {
        String minor = Long.toString(transfer.amount().amountMinor());
        boolean fails = minor.endsWith(FAILING_SUFFIX) || (minor.endsWith(FAILING_ONCE_SUFFIX) && transfer.attempt() == 0);
        String reference = "po_sim_" + transfer.payoutId().value().toString().replace("-", "").substring(0, 20)
                + "_" + transfer.attempt() + (fails ? "_f" : "");
        return Outcome.pending(reference);
    }

    @Override
    public Outcome status(Transfer transfer, String providerReference) {
        if (!providerReference.endsWith("_f")) {
            return Outcome.paid(providerReference);
        }
        return Outcome.failed(providerReference, Long.toString(transfer.amount().amountMinor())
                .endsWith(FAILING_SUFFIX) ? "account_closed" : "bank_unavailable");
    }
}
