package io.hyperx.economy.infra;

import com.stripe.StripeClient;
import io.hyperx.economy.application.PayoutProvider;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe Connect payouts when a Stripe secret key is configured, the offline simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class PayoutProviderConfiguration {

    static final String SIMULATED = "'${hyperx.stripe.secret-key:}' == ''";
    static final String STRIPE = "'${hyperx.stripe.secret-key:}' != ''";

    @Bean
    @ConditionalOnExpression(SIMULATED)
    PayoutProvider simulatedPayoutProvider() {
        LoggerFactory.getLogger(PayoutProviderConfiguration.class)
                .info("No Stripe secret key configured: payouts run on the offline payout simulator");
        return new SimulatedPayoutProvider();
    }

    @Bean
    @ConditionalOnExpression(STRIPE)
    PayoutProvider stripePayoutProvider(PayoutStripeSettings settings) {
        return new StripePayoutProvider(client(settings));
    }

    static StripeClient client(PayoutStripeSettings settings) {
        return StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
    }
}
