package io.hyperx.subscription.infra;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/** In Stripe mode: the reconciliation, run every hour (first a minute after start) and on demand by ops. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(StripeGatewayConfiguration.STRIPE)
class StripeReconciliationSchedule {

    @Bean
    StripeReconciliation stripeReconciliation(StripeSettings settings, StripeWebhookIntake intake) {
        return new StripeReconciliation(StripePaymentGateway.client(settings), intake::handleVerified,
                Clock.systemUTC());
    }

    @Bean
    HourlyReconciliation hourlyReconciliation(StripeReconciliation reconciliation) {
        return new HourlyReconciliation(reconciliation);
    }

    record HourlyReconciliation(StripeReconciliation reconciliation) {

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
        void run() {
            reconciliation.reconcile();
        }
    }
}
