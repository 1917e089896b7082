package io.hyperx.content.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The content context's wiring: its settings and the scheduled-publication sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ContentSettings.class)
class ContentConfiguration {
}
