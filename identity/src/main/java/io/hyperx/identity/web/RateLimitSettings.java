package io.hyperx.identity.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Named rate limits ({@code hyperx.rate-limits.<name>.capacity} requests per {@code .period}), used by
 * {@link io.hyperx.identity.api.RateLimited} and by identity's login.
 */
@ConfigurationProperties("hyperx")
record RateLimitSettings(@DefaultValue Map<String, Limit> rateLimits) {

    record Limit(int capacity, Duration period) {
    }
}
