package io.hyperx.economy.application;

import io.hyperx.economy.domain.FeeSchedule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The economy context's wiring: the fee schedule the wallet uses, the clock, and the sweeper's scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EconomyConfiguration {

    /**
     * The context's one processing group: projections (ledger, wallets, payouts, tips, fraud signals) and reactions
     * (payment policy, schedule, tip payments; {@code @DisallowReplay}, so a replay rebuilds the views without sending
     * a command). One processor, not several, because each holds up to (worker threads + 1) pooled connections and
     * the pool must cover every processor (EventStoreIT). The name is stored in token_entry; renaming it replays it.
     */
    public static final String PROCESSING_GROUP = "economy";

    @Bean
    ConfigurerModule economyInOrderPerCreator() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(PROCESSING_GROUP, config -> new ByCreatorSequencing());
    }

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
