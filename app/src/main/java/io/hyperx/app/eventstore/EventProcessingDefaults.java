package io.hyperx.app.eventstore;

import io.hyperx.app.projections.SegmentClaims;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every processing group runs as a pooled streaming processor: {@code initialSegments} segments (room for several
 * nodes to share the work through the token store), events handled in batches of {@code batchSize} within one
 * transaction, on {@code workerThreads} threads per processor. One-shot commands claim no segment unless they
 * replay that group ({@link SegmentClaims}). Handlers must be idempotent: after a claim moves to
 * another node, the last batch may be delivered again.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingDefaults {

    @Bean
    SegmentClaims segmentClaims(Environment environment) {
        return new SegmentClaims(!environment.matchesProfiles("cli"));
    }

    @Bean
    ConfigurerModule pooledStreamingProcessors(ProcessingSettings settings, SegmentClaims claims) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> claims.applyTo(builder
                        .initialSegmentCount(settings.initialSegments())
                        .batchSize(settings.batchSize())
                        .workerExecutor(name -> workerPool(name, settings.workerThreads()))));
    }

    private static ScheduledExecutorService workerPool(String processorName, int threads) {
        return Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "processor-" + processorName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Processor tuning; {@code workerThreads} also counts towards the database connection pool's size. */
    @ConfigurationProperties("hyperx.processing")
    record ProcessingSettings(int initialSegments, int batchSize, int workerThreads) {
    }
}
