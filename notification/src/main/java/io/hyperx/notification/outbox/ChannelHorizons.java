package io.hyperx.notification.outbox;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes each channel's configured retry horizon into {@code notification.channel_horizon} for the health views. */
@Component
class ChannelHorizons {

    private final JdbcTemplate jdbc;
    private final NotificationSettings settings;

    ChannelHorizons(JdbcTemplate jdbc, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void write() {
        for (Channel channel : Channel.values()) {
            jdbc.update("""
                    INSERT INTO notification.channel_horizon (channel, horizon_seconds) VALUES (?, ?)
                    ON CONFLICT (channel) DO UPDATE SET horizon_seconds = EXCLUDED.horizon_seconds""",
                    channel.name(), Math.max(1, settings.retry(channel).horizon().toSeconds()));
        }
    }
}
