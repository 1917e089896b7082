package io.hyperx.subscription.web;

import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.subscription.application.SubscriptionReconciliation;
import io.hyperx.subscription.infra.ProviderReconciliation;
import io.hyperx.subscription.infra.StripeWebhookIntake;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /api/v1/ops/reconcile/stripe}: feeds the processor's undelivered events through the webhook path now and
 * asks it about payments overdue for an outcome (Stripe or the simulator).
 * {@code POST /api/v1/ops/reconcile/subscriptions}: finds, marks and reports subscriptions whose state disagrees with
 * their payments or schedule.
 */
@RestController
class OpsReconciliationController {

    private final ProviderReconciliation reconciliation;
    private final SubscriptionReconciliation subscriptions;

    OpsReconciliationController(ProviderReconciliation reconciliation, SubscriptionReconciliation subscriptions) {
        this.reconciliation = reconciliation;
        this.subscriptions = subscriptions;
    }

    @PostMapping("/api/v1/ops/reconcile/subscriptions")
    @RequiresCapability("ops:reconcile")
    SubscriptionReconciliation.Report reconcileSubscriptions() {
        return subscriptions.reconcile();
    }

    @PostMapping("/api/v1/ops/reconcile/stripe")
    @RequiresCapability("ops:reconcile")
    Map<StripeWebhookIntake.Outcome, Integer> reconcile() {
        return reconciliation.reconcile();
    }
}
