package io.hyperx.subscription.web;

import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.subscription.application.SubscriptionReconciliation;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.infra.StripeReconciliation;
import io.hyperx.subscription.infra.StripeWebhookIntake;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /api/v1/ops/reconcile/stripe}: feeds Stripe's undelivered events through the webhook path now.
 * {@code POST /api/v1/ops/reconcile/subscriptions}: finds, marks and reports subscriptions whose state disagrees with
 * their payments or schedule.
 */
@RestController
class OpsReconciliationController {

    private final ObjectProvider<StripeReconciliation> reconciliation;
    private final SubscriptionReconciliation subscriptions;

    OpsReconciliationController(ObjectProvider<StripeReconciliation> reconciliation,
                                SubscriptionReconciliation subscriptions) {
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
        StripeReconciliation stripe = reconciliation.getIfAvailable();
        if (stripe == null) {
            throw SubscriptionProblem.conflict("stripe_not_configured",
                    "The offline simulator delivers every event; there is nothing to reconcile.");
        }
        return stripe.reconcile();
    }
}
