package io.hyperx.subscription.application;

import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Frees a subscription's seat when it ends, and moves it with a tier change (see {@link SubscribeToTier}). */
@Component
@ProcessingGroup(SubscriptionConfiguration.REACTIONS)
class SeatRelease {

    private final JdbcTemplate jdbc;

    SeatRelease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubscriptionCancelled event) {
        release(event.subscriptionId().value());
    }

    @EventHandler
    void on(SubscriptionExpired event) {
        release(event.subscriptionId().value());
    }

    @EventHandler
    void on(SubscriptionTierChanged event) {
        jdbc.update("UPDATE subscription.seat SET tier_id = ? WHERE subscription_id = ?", event.toTierId().value(),
                event.subscriptionId().value());
    }

    private void release(java.util.UUID subscription) {
        jdbc.update("DELETE FROM subscription.seat WHERE subscription_id = ?", subscription);
    }
}
