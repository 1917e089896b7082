package io.hyperx.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;

/**
 * Read-your-writes wiring: {@code hyperx.consistency.wait} bounds a read's wait for its projections (then 503),
 * {@code hyperx.consistency.remember} is how long a caller's last write is applied to its reads by default.
 */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

    @Bean
    WritePositions writePositions(@Value("${hyperx.consistency.remember:10s}") Duration remember,
                                  ObjectProvider<Clock> clock) {
        return new WritePositions(remember, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ProjectionProgress projectionProgress(EventProcessingConfiguration processing) {
        return new ProjectionProgress(processing);
    }

    @Bean
    WebMvcConfigurer readYourWritesInterceptor(WritePositions writes, ProjectionProgress progress,
                                               @Value("${hyperx.consistency.wait:2s}") Duration wait) {
        ReadYourWrites interceptor = new ReadYourWrites(writes, progress, wait);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}
