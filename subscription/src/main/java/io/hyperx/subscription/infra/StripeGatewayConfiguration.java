package io.hyperx.subscription.infra;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Stripe when a secret key is configured, the offline simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class StripeGatewayConfiguration {

    static final String SIMULATED = "'${hyperx.stripe.secret-key:}' == ''";
    static final String STRIPE = "'${hyperx.stripe.secret-key:}' != ''";

    @Bean
    @ConditionalOnExpression(SIMULATED)
    SimulatedStripe simulatedStripe(StripeSettings settings, WebhookSecret secret, ProviderPayments ids,
                                    JdbcTemplate jdbc, Clock clock) {
        LoggerFactory.getLogger(StripeGatewayConfiguration.class)
                .info("No Stripe secret key configured: payments run on the offline Stripe simulator");
        return new SimulatedStripe(secret, ids, settings.webhookUrl(), jdbc, clock);
    }

    @Bean
    @ConditionalOnExpression(STRIPE)
    StripePaymentGateway stripePaymentGateway(StripeSettings settings, ProviderPayments ids) {
        return new StripePaymentGateway(StripePaymentGateway.client(settings), ids);
    }
}
