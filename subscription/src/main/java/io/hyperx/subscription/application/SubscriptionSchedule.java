package io.hyperx.subscription.application;

import io.hyperx.kernel.Ids;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPausedPeriodSkipped;
import io.hyperx.subscription.api.SubscriptionRenewed;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Writes the subscription's future into the due-date table {@code subscription.scheduled_job}: a renewal at each
 * period end, and after a failed renewal the dunning retries and the end of grace. Job ids derive from what they
 * are for, so a redelivered event schedules nothing twice; {@link DueJobSweeper} runs them.
 */
@Component
@ProcessingGroup(SubscriptionConfiguration.REACTIONS)
@DisallowReplay
class SubscriptionSchedule {

    static final String RENEW = "RENEW";
    static final String RETRY = "RETRY";
    static final String END_GRACE = "END_GRACE";

    private final JdbcTemplate jdbc;

    SubscriptionSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubscriptionActivated event) {
        scheduleRenewal(event.subscriptionId(), event.periodEnd());
    }

    @EventHandler
    void on(SubscriptionRenewed event) {
        scheduleRenewal(event.subscriptionId(), event.periodEnd());
    }

    @EventHandler
    void on(SubscriptionTrialStarted event) {
        scheduleRenewal(event.subscriptionId(), event.trialEndsAt());
    }

    @EventHandler
    void on(SubscriptionPausedPeriodSkipped event) {
        scheduleRenewal(event.subscriptionId(), event.periodEnd());
    }

    @EventHandler
    void on(SubscriptionEnteredGracePeriod event) {
        String failed = event.failedPaymentId().toString();
        List<Instant> retries = event.retryAt();
        for (int i = 0; i < retries.size(); i++) {
            int attempt = i + 1;
            schedule(RETRY, event.subscriptionId(), retries.get(i),
                    "{\"failedPaymentId\":\"" + failed + "\",\"attempt\":" + attempt + "}", failed,
                    Integer.toString(attempt));
        }
        schedule(END_GRACE, event.subscriptionId(), event.graceEndsAt(),
                "{\"failedPaymentId\":\"" + failed + "\"}", failed);
    }

    private void scheduleRenewal(SubscriptionId subscription, Instant periodEnd) {
        schedule(RENEW, subscription, periodEnd, "{\"periodEnd\":\"" + periodEnd + "\"}", periodEnd.toString());
    }

    private void schedule(String kind, SubscriptionId subscription, Instant dueAt, String payload, String... key) {
        String[] parts = new String[key.length + 2];
        parts[0] = kind;
        parts[1] = subscription.toString();
        System.arraycopy(key, 0, parts, 2, key.length);
        jdbc.update("""
                        INSERT INTO subscription.scheduled_job (job_id, kind, subscription_id, due_at, payload)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (job_id) DO NOTHING""",
                Ids.deterministic("subscription-job", parts), kind, subscription.value(), Timestamp.from(dueAt),
                payload);
    }
}
