package io.hyperx.subscription.infra;

import io.hyperx.kernel.Backoff;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A table of Stripe events worked off with retries (the simulator's outbox, parked webhooks), the way the
 * notification outbox works: <b>claim</b> due rows in one statement ({@code FOR UPDATE SKIP LOCKED}, the attempt
 * counted and the row hidden for a lease, so several nodes never work on the same row), <b>work</b> outside any
 * transaction, then <b>finish</b> the row or schedule its <b>retry</b> with {@link Backoff} until the horizon. A node
 * that dies mid-work leaves the row due again when the lease ends: at least once, so the work must be idempotent.
 */
final class StripeEventQueue {

    static final Duration LEASE = Duration.ofMinutes(2);

    /** A claimed row: {@code attempts} counts this attempt. */
    record Claimed(String eventId, String eventType, String payload, int attempts, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final Backoff backoff;
    private final Clock clock;

    StripeEventQueue(JdbcTemplate jdbc, String table, Backoff backoff, Clock clock) {
        this.jdbc = jdbc;
        this.table = table;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Adds an event due at {@code dueAt} (in the caller's transaction, if any); answers false if it was there. */
    boolean add(String eventId, String eventType, UUID paymentId, String payload, Instant dueAt) {
        return jdbc.update("""
                INSERT INTO subscription.%s (event_id, event_type, payment_id, payload, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""".formatted(table), eventId, eventType,
                paymentId, payload, Timestamp.from(clock.instant()), Timestamp.from(dueAt)) == 1;
    }

    /** Claims up to {@code limit} due rows. */
    List<Claimed> claimDue(int limit) {
        Instant now = clock.instant();
        return jdbc.query("""
                UPDATE subscription.%1$s SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id IN (SELECT event_id FROM subscription.%1$s
                                   WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING event_id, event_type, payload, attempts, created_at""".formatted(table), this::claimed,
                Timestamp.from(now.plus(LEASE)), Timestamp.from(now), limit);
    }

    /** Claims a row for its first attempt, whatever its due time, unless it has been claimed already. */
    Optional<Claimed> claimFirst(String eventId) {
        Instant now = clock.instant();
        return jdbc.query("""
                UPDATE subscription.%1$s SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id = (SELECT event_id FROM subscription.%1$s
                                  WHERE event_id = ? AND attempts = 0 AND next_attempt_at IS NOT NULL
                                  FOR UPDATE SKIP LOCKED)
                RETURNING event_id, event_type, payload, attempts, created_at""".formatted(table), this::claimed,
                Timestamp.from(now.plus(LEASE)), eventId).stream().findFirst();
    }

    /** Claims up to {@code limit} pending rows whatever their due time (ops' reconciliation). */
    List<Claimed> claimAllPending(int limit) {
        Instant now = clock.instant();
        return jdbc.query("""
                UPDATE subscription.%1$s SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id IN (SELECT event_id FROM subscription.%1$s
                                   WHERE next_attempt_at IS NOT NULL ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING event_id, event_type, payload, attempts, created_at""".formatted(table), this::claimed,
                Timestamp.from(now.plus(LEASE)), limit);
    }

    /** The row is done: {@code outcome} is one the table's check allows. */
    void finish(Claimed row, String outcome, String error) {
        jdbc.update("""
                UPDATE subscription.%s SET next_attempt_at = NULL, finished_at = ?, outcome = ?, last_error = ?
                WHERE event_id = ? AND attempts = ? AND next_attempt_at IS NOT NULL""".formatted(table),
                Timestamp.from(clock.instant()), outcome, error, row.eventId(), row.attempts());
    }

    /** Schedules the next attempt; answers false (and leaves the row alone) when the horizon is reached. */
    boolean retryLater(Claimed row, String error) {
        Optional<Instant> next = backoff.next(row.attempts(), row.createdAt(), clock.instant(),
                ThreadLocalRandom.current());
        next.ifPresent(at -> jdbc.update("""
                UPDATE subscription.%s SET next_attempt_at = ?, last_error = ?
                WHERE event_id = ? AND attempts = ? AND next_attempt_at IS NOT NULL""".formatted(table),
                Timestamp.from(at), error, row.eventId(), row.attempts()));
        return next.isPresent();
    }

    private Claimed claimed(ResultSet row, int index) throws SQLException {
        return new Claimed(row.getString("event_id"), row.getString("event_type"), row.getString("payload"),
                row.getInt("attempts"), row.getTimestamp("created_at").toInstant());
    }
}
