package io.hyperx.subscription.infra;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Ops' {@code POST /api/v1/ops/reconcile/stripe}, in both modes: the events the processor failed to deliver go
 * through the webhook intake (Stripe: its list of undelivered events; the simulator: its outbox's pending events),
 * then every payment overdue for an outcome is asked about ({@link PaymentOutcomeSweep}). Everything is
 * de-duplicated by event id, so a run changes only what was missing.
 */
@Component
public class ProviderReconciliation {

    private final ObjectProvider<StripeReconciliation> stripe;
    private final ObjectProvider<SimulatedStripe> simulator;
    private final StripeWebhookIntake intake;
    private final PaymentOutcomeSweep sweep;

    ProviderReconciliation(ObjectProvider<StripeReconciliation> stripe, ObjectProvider<SimulatedStripe> simulator,
                           StripeWebhookIntake intake, PaymentOutcomeSweep sweep) {
        this.stripe = stripe;
        this.simulator = simulator;
        this.intake = intake;
        this.sweep = sweep;
    }

    /** How many events ended in each outcome of the intake. */
    public Map<StripeWebhookIntake.Outcome, Integer> reconcile() {
        Map<StripeWebhookIntake.Outcome, Integer> outcomes = new EnumMap<>(StripeWebhookIntake.Outcome.class);
        StripeReconciliation fromStripe = stripe.getIfAvailable();
        if (fromStripe != null) {
            outcomes.putAll(fromStripe.reconcile());
        }
        SimulatedStripe fromSimulator = simulator.getIfAvailable();
        if (fromSimulator != null) {
            outcomes.putAll(fromSimulator.reconcile(intake::handleSimulated));
        }
        sweep.run().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
        return outcomes;
    }
}
