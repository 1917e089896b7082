package io.hyperx.notification.preferences;

import io.hyperx.kernel.DomainException;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.NotificationCategories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An account's notification choices per category and channel ({@code notification.preference}; no row = on). The
 * outbox reads them when it stores a request. Transactional categories cannot be turned off.
 */
@Component
public class NotificationPreferences {

    public static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.IN_APP);

    private final JdbcTemplate jdbc;

    NotificationPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Preference(String category, Channel channel, boolean enabled, boolean transactional) {
    }

    /** Every category on every channel, with the account's choice or the default (on). */
    public List<Preference> of(UUID accountId) {
        Map<String, Boolean> chosen = new HashMap<>();
        jdbc.query("SELECT category, channel, enabled FROM notification.preference WHERE account_id = ?",
                row -> {
                    chosen.put(row.getString("category") + "/" + row.getString("channel"), row.getBoolean("enabled"));
                }, accountId);
        List<Preference> all = new ArrayList<>();
        for (String category : NotificationCategories.ALL) {
            boolean transactional = NotificationCategories.transactional(category);
            for (Channel channel : CHANNELS) {
                boolean enabled = transactional || chosen.getOrDefault(category + "/" + channel, true);
                all.add(new Preference(category, channel, enabled, transactional));
            }
        }
        return all;
    }

    public void set(UUID accountId, String category, Channel channel, boolean enabled, Instant now) {
        if (!NotificationCategories.ALL.contains(category)) {
            throw new DomainException(422, "unknown_category", "Unknown notification category '" + category
                    + "'; known: " + String.join(", ", NotificationCategories.ALL) + ".");
        }
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new DomainException(422, "unknown_channel", "Preferences exist for the channels EMAIL and IN_APP.");
        }
        if (!enabled && NotificationCategories.transactional(category)) {
            throw new DomainException(422, "transactional_category", "'" + category + "' messages (receipts, "
                    + "security and payouts) are about your account and money, and cannot be turned off.");
        }
        jdbc.update("""
                INSERT INTO notification.preference (account_id, category, channel, enabled, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, category, channel)
                DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at""",
                accountId, category, channel.name(), enabled, Timestamp.from(now));
    }
}
