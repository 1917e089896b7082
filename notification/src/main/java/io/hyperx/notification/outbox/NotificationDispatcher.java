package io.hyperx.notification.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers due outbox messages, once across nodes. Three short steps, none holding a transaction across the network:
 * <ol>
 *   <li><b>claim</b>: one statement takes up to a batch of due {@code PENDING} rows ({@code FOR UPDATE SKIP LOCKED}),
 *   counts the attempt and pushes {@code next_attempt_at} one lease ahead, so no other dispatcher sees them as due
 *   while they are being sent;</li>
 *   <li><b>send</b> through the channel's {@link ChannelSender}, outside any transaction;</li>
 *   <li><b>record</b>: the attempt row and the new state (sent, retry at a backed-off time, or given up) in one
 *   transaction, only if the row is still the one claimed.</li>
 * </ol>
 * A node that dies between claim and record leaves the row due again when the lease ends: delivery is at least once,
 * and senders get the idempotency key to deduplicate. Security messages (their data holds one-time links) keep no
 * data once sent or given up.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int MAX_BATCHES_PER_RUN = 10;
    private static final int MAX_DETAIL = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotificationSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectMapper json;

    @Autowired
    NotificationDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                           ObjectProvider<ChannelSender> senders, NotificationSettings settings, Clock clock,
                           MeterRegistry meters, ObjectMapper json) {
        this(jdbc, transactionManager, senders.orderedStream().toList(), settings, clock, meters, json);
    }

    /** A dispatcher over the given senders (the application's has every {@link ChannelSender} bean). */
    public NotificationDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  List<ChannelSender> senders, NotificationSettings settings, Clock clock,
                                  MeterRegistry meters, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        senders.forEach(sender -> {
            if (this.senders.put(sender.channel(), sender) != null) {
                throw new IllegalStateException("two senders for channel " + sender.channel());
            }
        });
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${hyperx.notification.poll-interval:PT2S}",
            initialDelayString = "${hyperx.notification.poll-interval:PT2S}")
    void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Notification dispatch failed; next poll retries: {}", e.toString());
        }
    }

    /** Delivers messages due now, a batch at a time (a bounded number of batches); answers how many were tried. */
    public int dispatchDue() {
        int tried = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<OutboxMessage> claimed = claim(clock.instant());
            claimed.forEach(this::deliver);
            tried += claimed.size();
            if (claimed.size() < settings.batchSize()) {
                break;
            }
        }
        return tried;
    }

    private List<OutboxMessage> claim(Instant now) {
        return jdbc.query("""
                        UPDATE notification.outbox SET attempts = attempts + 1, next_attempt_at = ?
                        WHERE id IN (SELECT id FROM notification.outbox
                                     WHERE status = 'PENDING' AND next_attempt_at <= ?
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id, idempotency_key, channel, recipient, category, template, data::text AS data,
                                  attempts, created_at""",
                this::message, Timestamp.from(now.plus(settings.lease())), Timestamp.from(now), settings.batchSize());
    }

    private void deliver(OutboxMessage message) {
        ChannelSender sender = senders.get(message.channel());
        long started = System.nanoTime();
        DeliveryOutcome outcome;
        if (sender == null) {
            outcome = DeliveryOutcome.retry(null, "no sender for channel " + message.channel());
        } else {
            try {
                outcome = sender.send(message);
            } catch (RuntimeException e) {
                outcome = DeliveryOutcome.retry(null, e.toString());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        DeliveryOutcome result = outcome;
        transactions.executeWithoutResult(status -> record(message, result, millis, clock.instant()));
    }

    private void record(OutboxMessage message, DeliveryOutcome outcome, long millis, Instant now) {
        String detail = truncate(outcome.detail());
        jdbc.update("""
                        INSERT INTO notification.delivery_attempt (outbox_id, attempt, attempted_at, outcome,
                                                                   status_code, detail, duration_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                message.id(), message.attempts(), Timestamp.from(now), outcome.kind().name(), outcome.statusCode(),
                detail, millis);
        String state;
        Instant next = null;
        String metric;
        switch (outcome.kind()) {
            case DELIVERED -> {
                state = "SENT";
                metric = "delivered";
            }
            case PERMANENT_FAILURE -> {
                state = "GAVE_UP";
                metric = "failed";
            }
            default -> {
                Optional<Instant> retryAt = settings.retry(message.channel()).backoff().next(message.attempts(),
                        message.createdAt(), now, ThreadLocalRandom.current());
                state = retryAt.isPresent() ? "PENDING" : "GAVE_UP";
                next = retryAt.orElse(null);
                metric = retryAt.isPresent() ? "retry" : "gave_up";
            }
        }
        boolean redact = !"PENDING".equals(state) && NotificationCategories.SECURITY.equals(message.category());
        int updated = jdbc.update("""
                        UPDATE notification.outbox
                        SET status = ?, next_attempt_at = ?, sent_at = ?, last_error = ?,
                            data = CASE WHEN ? THEN '{}'::jsonb ELSE data END
                        WHERE id = ? AND status = 'PENDING' AND attempts = ?""",
                state, next == null ? null : Timestamp.from(next), "SENT".equals(state) ? Timestamp.from(now) : null,
                "SENT".equals(state) ? null : detail, redact, message.id(), message.attempts());
        if (updated == 0) {
            log.warn("Notification {} changed while attempt {} was sent (lease {} too short?)", message.id(),
                    message.attempts(), settings.lease());
        }
        NotificationMetrics.count(meters, message.channel(), metric);
    }

    private OutboxMessage message(ResultSet row, int index) throws SQLException {
        return new OutboxMessage(row.getObject("id", UUID.class), row.getString("idempotency_key"),
                Channel.valueOf(row.getString("channel")), row.getString("recipient"), row.getString("category"),
                row.getString("template"), read(row.getString("data")), row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant());
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notification data", e);
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
