package io.hyperx.notification.query;

import io.hyperx.kernel.ProjectionTables;
import io.hyperx.notification.outbox.NotificationConfiguration;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaused;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import io.hyperx.subscription.api.SubscriptionUnpaused;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code notification.supporter}: the fans whose subscription to a creator grants access now (trialing, active or
 * in grace; not paused, cancelled or expired), the audience of a creator's new posts. Rebuilt from events, using
 * their own times.
 */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@ProjectionTables("notification.supporter")
public class SupporterProjection {

    private final JdbcTemplate jdbc;

    SupporterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fans supporting {@code creatorId} now. */
    public List<UUID> supportersOf(UUID creatorId) {
        return jdbc.queryForList("SELECT DISTINCT fan_id FROM notification.supporter WHERE creator_id = ?",
                UUID.class, creatorId);
    }

    @EventHandler
    void on(SubscriptionTrialStarted event) {
        add(event.subscriptionId(), event.creatorId(), event.fanId(), event.trialStart());
    }

    @EventHandler
    void on(SubscriptionActivated event) {
        add(event.subscriptionId(), event.creatorId(), event.fanId(), event.periodStart());
    }

    @EventHandler
    void on(SubscriptionUnpaused event) {
        add(event.subscriptionId(), event.creatorId(), event.fanId(), event.occurredAt());
    }

    @EventHandler
    void on(SubscriptionPaused event) {
        remove(event.subscriptionId());
    }

    @EventHandler
    void on(SubscriptionCancelled event) {
        remove(event.subscriptionId());
    }

    @EventHandler
    void on(SubscriptionExpired event) {
        remove(event.subscriptionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM notification.supporter");
    }

    private void add(SubscriptionId subscription, UUID creator, UUID fan, Instant since) {
        jdbc.update("""
                        INSERT INTO notification.supporter (subscription_id, creator_id, fan_id, since)
                        VALUES (?, ?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING""",
                subscription.value(), creator, fan, Timestamp.from(since));
    }

    private void remove(SubscriptionId subscription) {
        jdbc.update("DELETE FROM notification.supporter WHERE subscription_id = ?", subscription.value());
    }
}
