package io.hyperx.subscription.infra;

import io.hyperx.subscription.application.PaymentGateway;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when a secret key is configured, the offline simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class StripeGatewayConfiguration {

    @Bean
    PaymentGateway paymentGateway(StripeSettings settings, WebhookSecret secret, ProviderPayments ids) {
        if (settings.simulated()) {
            LoggerFactory.getLogger(StripeGatewayConfiguration.class)
                    .info("No Stripe secret key configured: payments run on the offline Stripe simulator");
            return new SimulatedStripe(secret, ids, settings.webhookUrl());
        }
        return new StripePaymentGateway(StripePaymentGateway.client(settings), ids);
    }
}
