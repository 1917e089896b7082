package io.hyperx.subscription.application;

import io.hyperx.subscription.domain.GracePeriodPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The subscription context's wiring: the grace-period policy aggregates get injected, and the sweeper's scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionConfiguration {

    /**
     * The one processing group of this context's reactions (payment policy, payment processor, schedule): one
     * processor, not three, because each processor holds up to (worker threads + 1) pooled connections. The name is
     * stored in token_entry; renaming it replays it.
     */
    static final String REACTIONS = "subscription-reactions";

    @Bean
    GracePeriodPolicy gracePeriodPolicy(SubscriptionSettings settings) {
        return GracePeriodPolicy.ofDays(settings.graceDays(), settings.retryDays());
    }
}
