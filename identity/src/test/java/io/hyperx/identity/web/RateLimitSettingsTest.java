package io.hyperx.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Named limits bind from application.yml and can be overridden by HYPERX_RATELIMITS_<NAME>_* variables. */
class RateLimitSettingsTest {

    @Test
    void anEnvironmentVariableOverridesOneFieldOfAConfiguredLimit() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("yaml", Map.of(
                "hyperx.rate-limits.login.capacity", "5",
                "hyperx.rate-limits.login.period", "5m",
                "hyperx.rate-limits.register.capacity", "3",
                "hyperx.rate-limits.register.period", "1h")));
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("HYPERX_RATELIMITS_LOGIN_CAPACITY", "10")));

        RateLimitSettings settings = new Binder(ConfigurationPropertySources.get(environment))
                .bind("hyperx", RateLimitSettings.class).get();

        assertThat(settings.rateLimits().get("login"))
                .isEqualTo(new RateLimitSettings.Limit(10, Duration.ofMinutes(5)));
        assertThat(settings.rateLimits().get("register"))
                .isEqualTo(new RateLimitSettings.Limit(3, Duration.ofHours(1)));
    }
}
