package io.hyperx.subscription.infra;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** In Stripe mode, reconciles undelivered events every hour (and once shortly after start). */
@Component
@ConditionalOnExpression("'${hyperx.stripe.secret-key:}' != ''")
class StripeReconciliationSchedule {

    private final StripeReconciliation reconciliation;

    StripeReconciliationSchedule(StripeSettings settings, StripeWebhookIntake intake) {
        this.reconciliation = new StripeReconciliation(StripePaymentGateway.client(settings), intake::handleVerified,
                Clock.systemUTC());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void reconcile() {
        reconciliation.reconcile();
    }
}
