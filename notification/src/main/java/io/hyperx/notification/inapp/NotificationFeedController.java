package io.hyperx.notification.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's in-app notifications, newest first, with the unread count; marking one or all as read. */
@RestController
class NotificationFeedController {

    private static final int MAX_PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationFeedController(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/me/notifications")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    Map<String, Object> feed(@AuthenticationPrincipal AccountPrincipal principal,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size,
                             @RequestParam(defaultValue = "false") boolean unreadOnly) {
        UUID account = principal.accountId().value();
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(page, 0);
        String unread = unreadOnly ? " AND read_at IS NULL" : "";
        List<Map<String, Object>> data = jdbc.query("SELECT id, category, template, title, body, data::text AS data, "
                        + "created_at, read_at FROM notification.in_app_notification WHERE account_id = ?" + unread
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                (row, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", row.getObject("id", UUID.class));
                    item.put("category", row.getString("category"));
                    item.put("template", row.getString("template"));
                    item.put("title", row.getString("title"));
                    item.put("body", row.getString("body"));
                    item.put("data", read(row.getString("data")));
                    item.put("createdAt", row.getTimestamp("created_at").toInstant());
                    Timestamp readAt = row.getTimestamp("read_at");
                    item.put("read", readAt != null);
                    if (readAt != null) {
                        item.put("readAt", readAt.toInstant());
                    }
                    return item;
                }, account, pageSize, (long) pageNumber * pageSize);
        long total = jdbc.queryForObject("SELECT count(*) FROM notification.in_app_notification WHERE account_id = ?"
                + unread, Long.class, account);
        long unreadCount = jdbc.queryForObject("SELECT count(*) FROM notification.in_app_notification "
                + "WHERE account_id = ? AND read_at IS NULL", Long.class, account);
        return Map.of("data", data, "meta", Map.of("unreadCount", unreadCount, "pagination", Map.of(
                "page", pageNumber, "size", pageSize, "totalElements", total,
                "totalPages", (total + pageSize - 1) / pageSize)));
    }

    @PostMapping("/api/v1/me/notifications/{id}/read")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    ResponseEntity<Void> markRead(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        Integer found = jdbc.queryForObject("""
                        WITH marked AS (
                            UPDATE notification.in_app_notification SET read_at = coalesce(read_at, ?)
                            WHERE id = ? AND account_id = ? RETURNING 1)
                        SELECT count(*) FROM marked""", Integer.class,
                Timestamp.from(clock.instant()), id, principal.accountId().value());
        if (found == null || found == 0) {
            throw DomainException.notFound("notification_not_found", "No notification " + id + " in your feed.");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/me/notifications/read-all")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    Map<String, Object> markAllRead(@AuthenticationPrincipal AccountPrincipal principal) {
        Instant now = clock.instant();
        int marked = jdbc.update("UPDATE notification.in_app_notification SET read_at = ? "
                + "WHERE account_id = ? AND read_at IS NULL", Timestamp.from(now), principal.accountId().value());
        return Map.of("marked", marked, "unreadCount", 0);
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
