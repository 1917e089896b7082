package io.hyperx.app.eventstore;

import io.hyperx.app.projections.SegmentClaims;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

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
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing().usingPooledStreamingEventProcessors(
                    (config, builder) -> claims.applyTo(builder
                            .initialSegmentCount(settings.initialSegments())
                            .batchSize(settings.batchSize())
                            .workerExecutor(name -> workerPool(name, settings.workerThreads()))));
            settings.groupSegments().forEach((group, segments) -> processing
                    .registerPooledStreamingEventProcessorConfiguration(group,
                            (config, builder) -> builder.initialSegmentCount(segments)));
        };
    }

    /**
     * Every processing group parks the events its handlers fail on in {@code dead_letter_entry} (per sequence, so
     * later events of the same aggregate wait behind them) instead of skipping them; ops can list, retry and
     * delete them ({@code /api/v1/ops/dead-letters}). Before each event the processor must know whether its sequence
     * is parked: Axon's sequence-identifier cache answers that from memory per claimed segment (when the queue was
     * empty at the claim, only the sequences parked since), instead of one query per event.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLettersForEveryGroup(
            ListableBeanFactory beans, EventProcessorProperties properties, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, DeadLetterSchema schema, Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        Function<String, Function<org.axonframework.config.Configuration, SequencedDeadLetterQueue<EventMessage<?>>>>
                provider = group -> config -> JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        return new DeadLetterQueueProviderConfigurerModule(properties, provider) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(provider);
                for (String group : processingGroups(beans)) {
                    configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (config, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            }
        };
    }

    /** The names in every {@code @ProcessingGroup} of the context's beans, read without creating the beans. */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    private static ScheduledExecutorService workerPool(String processorName, int threads) {
        return Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "processor-" + processorName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Processor tuning; {@code workerThreads} also counts towards the database connection pool's size.
     * {@code groupSegments} gives named groups another initial segment count than {@code initialSegments}.
     */
    @ConfigurationProperties("hyperx.processing")
    record ProcessingSettings(int initialSegments, int batchSize, int workerThreads,
                              @DefaultValue Map<String, Integer> groupSegments) {
    }
}
