package io.hyperx.notification.webhook;

import io.hyperx.kernel.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The creators' webhook endpoints ({@code notification.webhook_endpoint}). Configuration, not a business fact: kept
 * as rows, not events. A deleted endpoint keeps its row (soft delete) so its deliveries stay explainable.
 */
@Component
class WebhookEndpoints {

    static final int MAX_PER_CREATOR = 16;

    private final JdbcTemplate jdbc;
    private final WebhookSecrets secrets;
    private final WebhookUrlGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookEndpoints(JdbcTemplate jdbc, WebhookSecrets secrets, WebhookUrlGuard guard, WebhookSettings settings,
                     Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    /** An endpoint as its owner sees it (never its secret). */
    record Endpoint(UUID id, UUID creatorId, String url, List<String> eventTypes, String status,
                    String disabledReason, Instant createdAt, Instant previousSecretUntil) {
    }

    /** What the sender needs: where, and the secrets signing now (the current one first). */
    record Target(UUID id, String url, String status, List<String> secrets) {
    }

    /** Registers an endpoint; answers it with its secret, which is never shown again. */
    @Transactional
    WithSecret register(UUID creatorId, String url, List<String> eventTypes) {
        URI checked = guard.check(url);
        List<String> types = validTypes(eventTypes);
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM notification.webhook_endpoint WHERE creator_id = ? AND deleted_at IS NULL""",
                Long.class, creatorId);
        if (count != null && count >= MAX_PER_CREATOR) {
            throw new DomainException(422, "webhook_endpoint_limit",
                    "A creator may register at most " + MAX_PER_CREATOR + " webhook endpoints.");
        }
        UUID id = UUID.randomUUID();
        String secret = secrets.generate();
        jdbc.update("""
                        INSERT INTO notification.webhook_endpoint (id, creator_id, url, event_types, secret, status,
                                                                   created_at)
                        VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                id, creatorId, checked.toString(), types.toArray(String[]::new), secrets.encrypt(secret),
                Timestamp.from(clock.instant()));
        return new WithSecret(find(creatorId, id), secret);
    }

    record WithSecret(Endpoint endpoint, String secret) {
    }

    List<Endpoint> list(UUID creatorId) {
        return jdbc.query("""
                SELECT * FROM notification.webhook_endpoint WHERE creator_id = ? AND deleted_at IS NULL
                ORDER BY created_at, id""", this::endpoint, creatorId);
    }

    /** The creator's own live endpoint, or 404 (another creator's endpoint is not found either). */
    Endpoint find(UUID creatorId, UUID id) {
        return jdbc.query("""
                        SELECT * FROM notification.webhook_endpoint
                        WHERE id = ? AND creator_id = ? AND deleted_at IS NULL""", this::endpoint, id, creatorId)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("webhook_endpoint_not_found", "No such webhook endpoint."));
    }

    void delete(UUID creatorId, UUID id) {
        find(creatorId, id);
        jdbc.update("UPDATE notification.webhook_endpoint SET deleted_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()), id);
    }

    /** A new secret (shown once); the current one keeps signing alongside it for the rotation window. */
    @Transactional
    WithSecret rotate(UUID creatorId, UUID id) {
        find(creatorId, id);
        String secret = secrets.generate();
        jdbc.update("""
                        UPDATE notification.webhook_endpoint
                        SET previous_secret = secret, previous_secret_until = ?, secret = ?
                        WHERE id = ?""",
                Timestamp.from(clock.instant().plus(settings.rotationWindow())), secrets.encrypt(secret), id);
        return new WithSecret(find(creatorId, id), secret);
    }

    /** The ids of the creator's active endpoints subscribed to {@code eventType}. */
    List<UUID> subscribed(UUID creatorId, String eventType) {
        return jdbc.queryForList("""
                        SELECT id FROM notification.webhook_endpoint
                        WHERE creator_id = ? AND status = 'ACTIVE' AND deleted_at IS NULL AND ? = ANY (event_types)
                        ORDER BY id""",
                UUID.class, creatorId, eventType);
    }

    /** The endpoint as the sender needs it; empty once deleted. */
    Optional<Target> target(UUID id) {
        Instant now = clock.instant();
        return jdbc.query("""
                SELECT id, url, status, secret, previous_secret, previous_secret_until
                FROM notification.webhook_endpoint WHERE id = ? AND deleted_at IS NULL""", (row, index) -> {
            List<String> signing = new ArrayList<>();
            signing.add(secrets.decrypt(row.getString("secret")));
            Timestamp until = row.getTimestamp("previous_secret_until");
            if (until != null && until.toInstant().isAfter(now)) {
                signing.add(secrets.decrypt(row.getString("previous_secret")));
            }
            return new Target(row.getObject("id", UUID.class), row.getString("url"), row.getString("status"),
                    List.copyOf(signing));
        }, id).stream().findFirst();
    }

    /** Stops deliveries to an endpoint whose receiver said it is gone; the creator sees why. */
    void disable(UUID id, String reason) {
        jdbc.update("UPDATE notification.webhook_endpoint SET status = 'DISABLED', disabled_reason = ? WHERE id = ?",
                reason, id);
    }

    private static List<String> validTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new DomainException(422, "webhook_event_types_required",
                    "Name at least one event type: " + WebhookEventTypes.SUBSCRIBABLE + ".");
        }
        List<String> unknown = eventTypes.stream().filter(type -> !WebhookEventTypes.SUBSCRIBABLE.contains(type))
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(422, "webhook_event_type_unknown",
                    "Unknown event types " + unknown + "; known: " + WebhookEventTypes.SUBSCRIBABLE + ".");
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    private Endpoint endpoint(ResultSet row, int index) throws SQLException {
        Array types = row.getArray("event_types");
        Timestamp until = row.getTimestamp("previous_secret_until");
        return new Endpoint(row.getObject("id", UUID.class), row.getObject("creator_id", UUID.class),
                row.getString("url"), Arrays.asList((String[]) types.getArray()), row.getString("status"),
                row.getString("disabled_reason"), row.getTimestamp("created_at").toInstant(),
                until == null ? null : until.toInstant());
    }
}
