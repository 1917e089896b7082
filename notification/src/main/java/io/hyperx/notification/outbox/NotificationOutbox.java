package io.hyperx.notification.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores notification requests in {@code notification.outbox}, in the caller's transaction. A request whose key is
 * already there is ignored, so a redelivered event never sends twice. A request the recipient turned off (an
 * account's preference for the category and channel; never for transactional categories) is stored as
 * {@code SUPPRESSED}, not dropped, so what was not sent stays visible.
 */
@Component
public class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores the request; answers whether it was new (false: its idempotency key was already stored). */
    public boolean enqueue(NotificationRequest request) {
        Instant now = clock.instant();
        boolean suppressed = turnedOff(request);
        int inserted = jdbc.update("""
                        INSERT INTO notification.outbox (id, idempotency_key, channel, recipient, category, template,
                                                         data, status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 0, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""",
                UUID.randomUUID(), request.idempotencyKey(), request.channel().name(), request.recipient(),
                request.category(), request.template(), write(request), suppressed ? "SUPPRESSED" : "PENDING",
                suppressed ? null : Timestamp.from(now), Timestamp.from(now));
        if (inserted == 1 && suppressed) {
            NotificationMetrics.count(meters, request.channel(), "suppressed");
        }
        return inserted == 1;
    }

    private boolean turnedOff(NotificationRequest request) {
        if (request.channel() == Channel.WEBHOOK || NotificationCategories.transactional(request.category())) {
            return false;
        }
        UUID account;
        try {
            account = UUID.fromString(request.recipient());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Boolean.FALSE.equals(jdbc.query("""
                        SELECT enabled FROM notification.preference
                        WHERE account_id = ? AND category = ? AND channel = ?""",
                rs -> rs.next() ? rs.getBoolean(1) : null, account, request.category(), request.channel().name()));
    }

    private String write(NotificationRequest request) {
        try {
            return json.writeValueAsString(request.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data is not JSON: " + request.idempotencyKey(), e);
        }
    }
}
