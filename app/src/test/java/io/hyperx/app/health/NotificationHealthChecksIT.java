package io.hyperx.app.health;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification checks pass while the dispatcher keeps up and catch a stalled or overdue message. */
class NotificationHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void healthyRowsPass() {
        message("PENDING", "1 hour", "-1 minute");
        message("PENDING", "30 minutes", "10 minutes");
        message("SENT", "20 days", null);
        message("GAVE_UP", "20 days", null);
        assertThat(failing()).isEmpty();
    }

    @Test
    void aMessageDueForMoreThanFifteenMinutesFails() {
        message("PENDING", "1 hour", "-20 minutes");
        assertThat(failing()).containsExactly("notification_dispatch_stalled");
    }

    @Test
    void aMessageStillPendingPastItsHorizonFails() {
        jdbc.update("UPDATE notification.channel_horizon SET horizon_seconds = 3600 WHERE channel = 'EMAIL'");
        message("PENDING", "2 hours", "5 minutes");
        assertThat(failing()).containsExactly("notification_past_horizon");
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE context = 'notification' AND NOT is_passing ORDER BY check_name""", String.class);
    }

    /** A message created {@code age} ago, next due {@code dueIn} from now (negative: in the past). */
    private void message(String status, String age, String dueIn) {
        jdbc.update("""
                        INSERT INTO notification.outbox (id, idempotency_key, channel, recipient, category, template,
                                                         status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, 'EMAIL', ?, 'billing', 'receipt', ?, 1,
                                now() + CAST(? AS interval), now() - CAST(? AS interval))""",
                UUID.randomUUID(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), status, dueIn, age);
    }
}
