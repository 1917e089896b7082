package io.hyperx.economy.application;

import io.hyperx.economy.domain.FeeSchedule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The economy context's wiring: the fee schedule the wallet uses, the clock, and the sweeper's scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EconomyConfiguration {

    /** Economy's reactions to other contexts and to its own events (never replayed: they send commands). */
    public static final String REACTIONS = "economy-reactions";

    @Bean
    FeeSchedule feeSchedule(EconomySettings settings) {
        return settings.feeSchedule();
    }

    /** Wall-clock time for holds, payouts and sweeps; a test replaces it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
