package io.hyperx.notification.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An endpoint's deliveries, newest first, each with every attempt and the receiver's (truncated) answer. */
@Component
class WebhookDeliveries {

    private final JdbcTemplate jdbc;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Attempt(int attempt, Instant attemptedAt, String outcome, Integer statusCode, String responseBody,
                   long durationMs) {
    }

    record Delivery(UUID id, String eventId, String eventType, String status, Instant createdAt,
                    Instant nextAttemptAt, Instant sentAt, List<Attempt> attempts) {
    }

    record Page(List<Delivery> data, long total) {
    }

    Page page(UUID endpointId, int page, int size) {
        String recipient = endpointId.toString();
        Long total = jdbc.queryForObject("""
                SELECT count(*) FROM notification.outbox WHERE channel = 'WEBHOOK' AND recipient = ?""",
                Long.class, recipient);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                        SELECT id, data ->> 'id' AS event_id, template, status, created_at, next_attempt_at,
                               sent_at
                        FROM notification.outbox WHERE channel = 'WEBHOOK' AND recipient = ?
                        ORDER BY created_at DESC, id LIMIT ? OFFSET ?""",
                recipient, size, (long) page * size);
        List<UUID> ids = rows.stream().map(row -> (UUID) row.get("id")).toList();
        Map<UUID, List<Attempt>> attempts = ids.isEmpty() ? Map.of() : jdbc.query("""
                        SELECT outbox_id, attempt, attempted_at, outcome, status_code, detail, duration_ms
                        FROM notification.delivery_attempt WHERE outbox_id = ANY (?) ORDER BY outbox_id, attempt""",
                (row, index) -> Map.entry(row.getObject("outbox_id", UUID.class), new Attempt(row.getInt("attempt"),
                        row.getTimestamp("attempted_at").toInstant(), row.getString("outcome"),
                        (Integer) row.getObject("status_code"), row.getString("detail"),
                        row.getLong("duration_ms"))),
                (Object) ids.toArray(UUID[]::new)).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Delivery> deliveries = rows.stream().map(row -> new Delivery((UUID) row.get("id"),
                (String) row.get("event_id"), (String) row.get("template"), (String) row.get("status"),
                instant(row.get("created_at")), instant(row.get("next_attempt_at")),
                instant(row.get("sent_at")), attempts.getOrDefault((UUID) row.get("id"), List.of()))).toList();
        return new Page(deliveries, total == null ? 0 : total);
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
