package io.hyperx.app.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event processors' Axon metrics (counts, handling time, latency per group) for live events only. A replayed event
 * is hours or months old: timing it would report that age as processing latency, and the per-message meters cost
 * a sizeable share of a replay's CPU. (Events a group has no handler for reach the monitor without the replay mark
 * and are still counted as ignored.) Command and query bus metrics stay as Axon configures them.
 */
@Configuration(proxyBeanMethods = false)
class LiveEventMetrics {

    @Bean
    ConfigurerModule eventProcessorMetricsForLiveEventsOnly(GlobalMetricRegistry registry, MetricsProperties properties) {
        boolean dimensional = properties.getMicrometer().isDimensional();
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class,
                (config, componentType, name) -> skippingReplays(dimensional
                        ? registry.registerComponentWithDefaultTags(componentType, name)
                        : registry.registerComponent(componentType, name)));
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> skippingReplays(MessageMonitor<? extends Message<?>> live) {
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) live;
        return message -> ReplayToken.isReplay(message)
                ? NoOpMessageMonitorCallback.INSTANCE
                : monitor.onMessageIngested(message);
    }
}
