package io.hyperx.notification.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores notification requests in {@code notification.outbox}, in the caller's transaction. A request whose key is
 * already there is ignored, so a redelivered event never sends twice. A request the recipient turned off (an
 * account's preference for the category and channel; never for transactional categories) is stored as
 * {@code SUPPRESSED}, not dropped, so what was not sent stays visible.
 */
@Component
public class NotificationOutbox {

    private static final String PENDING = NotificationOutbox.class.getName() + ".pending";

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
        return store(List.of(request)) == 1;
    }

    /**
     * Stores the request like {@link #enqueue}; inside an event handler's unit of work, together with the other
     * requests of its batch when that commits: one preference query and one insert for the whole batch.
     */
    public void enqueueAtCommit(NotificationRequest request) {
        if (!CurrentUnitOfWork.isStarted()) {
            enqueue(request);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(PENDING, key -> {
            List<NotificationRequest> pending = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> store(pending));
            return pending;
        }).add(request);
    }

    /** Stores the requests whose keys are not stored yet, in one statement; answers how many were new. */
    private int store(List<NotificationRequest> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        Set<String> turnedOff = turnedOff(requests);
        int size = requests.size();
        UUID[] ids = new UUID[size];
        String[][] columns = new String[8][size];
        String now = clock.instant().toString();
        for (int i = 0; i < size; i++) {
            NotificationRequest request = requests.get(i);
            boolean suppressed = mayBeTurnedOff(request) && turnedOff.contains(preferenceKey(request));
            ids[i] = UUID.randomUUID();
            columns[0][i] = request.idempotencyKey();
            columns[1][i] = request.channel().name();
            columns[2][i] = request.recipient();
            columns[3][i] = request.category();
            columns[4][i] = request.template();
            columns[5][i] = write(request);
            columns[6][i] = suppressed ? "SUPPRESSED" : "PENDING";
            columns[7][i] = suppressed ? null : now;
        }
        int[] stored = {0};
        jdbc.query("""
                        INSERT INTO notification.outbox (id, idempotency_key, channel, recipient, category, template,
                                                         data, status, attempts, next_attempt_at, created_at)
                        SELECT id, idempotency_key, channel, recipient, category, template, CAST(data AS jsonb),
                               status, 0, CAST(next_attempt_at AS timestamptz), CAST(? AS timestamptz)
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[])
                             AS request(id, idempotency_key, channel, recipient, category, template, data, status,
                                        next_attempt_at)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING channel, status""",
                row -> {
                    stored[0]++;
                    if ("SUPPRESSED".equals(row.getString(2))) {
                        NotificationMetrics.count(meters, Channel.valueOf(row.getString(1)), "suppressed");
                    }
                }, now, ids, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6],
                columns[7]);
        return stored[0];
    }

    /** The {@link #preferenceKey}s of the requests whose recipient turned their category and channel off. */
    private Set<String> turnedOff(List<NotificationRequest> requests) {
        List<NotificationRequest> asked = requests.stream().filter(NotificationOutbox::mayBeTurnedOff).toList();
        Set<String> off = new HashSet<>();
        if (asked.isEmpty()) {
            return off;
        }
        jdbc.query("""
                        SELECT DISTINCT p.account_id, p.category, p.channel
                        FROM notification.preference p
                        JOIN unnest(?::uuid[], ?::text[], ?::text[]) AS asked(account_id, category, channel)
                          ON p.account_id = asked.account_id AND p.category = asked.category
                         AND p.channel = asked.channel
                        WHERE NOT p.enabled""",
                row -> {
                    off.add(row.getString(1) + "/" + row.getString(2) + "/" + row.getString(3));
                }, asked.stream().map(request -> UUID.fromString(request.recipient())).toArray(UUID[]::new),
                asked.stream().map(NotificationRequest::category).toArray(String[]::new),
                asked.stream().map(request -> request.channel().name()).toArray(String[]::new));
        return off;
    }

    private static String preferenceKey(NotificationRequest request) {
        return UUID.fromString(request.recipient()) + "/" + request.category() + "/" + request.channel().name();
    }

    /** Whether a preference can turn the request off: not a webhook, not transactional, sent to an account. */
    private static boolean mayBeTurnedOff(NotificationRequest request) {
        if (request.channel() == Channel.WEBHOOK || NotificationCategories.transactional(request.category())) {
            return false;
        }
        try {
            UUID.fromString(request.recipient());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String write(NotificationRequest request) {
        try {
            return json.writeValueAsString(request.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data is not JSON: " + request.idempotencyKey(), e);
        }
    }
}
