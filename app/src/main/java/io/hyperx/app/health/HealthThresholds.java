package io.hyperx.app.health;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes the configured thresholds into {@code health.settings}, where the invariant views read them. */
@Component
class HealthThresholds {

    private final JdbcTemplate jdbc;
    private final Settings settings;

    HealthThresholds(JdbcTemplate jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        jdbc.update("UPDATE health.settings SET max_lag_events = ?, max_lag_seconds = ?",
                settings.maxLagEvents(), settings.maxLagSeconds());
    }

    /** A processing group further behind than this fails the {@code projection_lag} check. */
    @ConfigurationProperties("hyperx.health")
    record Settings(long maxLagEvents, long maxLagSeconds) {
    }
}
