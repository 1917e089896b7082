package io.hyperx.subscription.application;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes the configured trials per fan and creator where the {@code subscription_trial_limit} health view reads it. */
@Component
class TrialAllowance {

    private final JdbcTemplate jdbc;
    private final SubscriptionSettings settings;

    TrialAllowance(JdbcTemplate jdbc, SubscriptionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void record() {
        jdbc.update("UPDATE subscription.health_settings SET trials_per_creator = ?", settings.trialsPerCreator());
    }
}
