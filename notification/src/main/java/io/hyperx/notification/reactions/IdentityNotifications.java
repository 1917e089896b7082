package io.hyperx.notification.reactions;

import io.hyperx.identity.api.AccountErased;
import io.hyperx.notification.outbox.NotificationConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased account keeps nothing here: its preferences and feed are deleted and its messages' data emptied (pending
 * ones then fail for want of an address).
 */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@DisallowReplay
class IdentityNotifications {

    private final JdbcTemplate jdbc;

    IdentityNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountErased event) {
        jdbc.update("DELETE FROM notification.preference WHERE account_id = ?", event.accountId().value());
        jdbc.update("DELETE FROM notification.in_app_notification WHERE account_id = ?", event.accountId().value());
        jdbc.update("UPDATE notification.outbox SET data = '{}'::jsonb WHERE recipient = ?",
                event.accountId().value().toString());
    }
}
