package io.hyperx.economy.infra;

import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.application.PayoutProvider;
import io.hyperx.kernel.Money;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The offline payout provider (the default while no real provider is configured): a submitted payout is pending,
 * and paid when it is next asked about, so confirmation is asynchronous like a real provider's. Amounts whose minor
 * units end in {@code 13} fail with {@code account_closed}, so the failure path can be exercised end to end.
 */
@Component
class SimulatedPayoutProvider implements PayoutProvider {

    static final String FAILING_SUFFIX = "13";

    @Override
    public Outcome submit(PayoutId payoutId, UUID creatorId, Money amount) {
        String reference = "po_sim_" + payoutId.value().toString().replace("-", "").substring(0, 24)
                + (Long.toString(amount.amountMinor()).endsWith(FAILING_SUFFIX) ? "_f" : "");
        return Outcome.pending(reference);
    }

    @Override
    public Outcome status(PayoutId payoutId, String providerReference) {
        return providerReference.endsWith("_f") ? Outcome.failed(providerReference, "account_closed")
                : Outcome.paid(providerReference);
    }
}
