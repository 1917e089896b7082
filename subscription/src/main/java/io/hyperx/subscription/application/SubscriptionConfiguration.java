package io.hyperx.subscription.application;

import io.hyperx.subscription.domain.GracePeriodPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The subscription context's wiring: the grace-period policy aggregates get injected, and the sweeper's scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionConfiguration {

    /** Processing groups of this context; the names are stored in token_entry, renaming one replays it. */
    static final String PAYMENTS_POLICY = "subscription-payments-policy";
    static final String PAYMENT_PROCESSOR = "subscription-payment-processor";
    static final String SCHEDULE = "subscription-schedule";

    @Bean
    GracePeriodPolicy gracePeriodPolicy(SubscriptionSettings settings) {
        return GracePeriodPolicy.ofDays(settings.graceDays(), settings.retryDays());
    }
}
