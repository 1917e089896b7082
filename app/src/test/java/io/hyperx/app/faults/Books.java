package io.hyperx.app.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the database says about payments, read with SQL: for acknowledged tips, which were lost (no succeeded payment
 * with its journal entry) and which counted twice (a second journal entry, a second {@code PaymentSucceeded} or
 * {@code PaymentCredited}, a second tip for one Idempotency-Key, a wallet of their creators whose totals differ from
 * its journal).
 */
final class Books {

    private final String url;

    Books(String url) {
        this.url = url;
    }

    /** The lost and doubled counts, each with what made it up. */
    record Verdict(int acknowledged, int lost, int notSucceeded, int notJournaled, int doubled, int journalTwice,
                   int eventsTwice, int tipsTwicePerKey, int walletsDrifting) {

        String describe() {
            return "%d acknowledged: %d lost (%d not succeeded, %d without journal entry), %d doubled (%d journal "
                    .formatted(acknowledged, lost, notSucceeded, notJournaled, doubled, journalTwice)
                    + "twice, %d events twice, %d tips twice per key, %d wallets off their journal)"
                    .formatted(eventsTwice, tipsTwicePerKey, walletsDrifting);
        }
    }

    Verdict check(Collection<TipLoad.Tip> tips) throws SQLException {
        UUID[] payments = tips.stream().map(TipLoad.Tip::paymentId).toArray(UUID[]::new);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            Array ids = connection.createArrayOf("uuid", payments);
            Map<UUID, String> status = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, status FROM subscription.payment_view WHERE id = ANY(?)")) {
                query.setArray(1, ids);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        status.put(rows.getObject(1, UUID.class), rows.getString(2));
                    }
                }
            }
            Map<UUID, Long> entries = journalEntries(connection, ids);
            int notSucceeded = 0;
            int notJournaled = 0;
            int lost = 0;
            for (UUID payment : payments) {
                boolean succeeded = "SUCCEEDED".equals(status.get(payment));
                boolean journaled = entries.getOrDefault(payment, 0L) > 0;
                notSucceeded += succeeded ? 0 : 1;
                notJournaled += journaled ? 0 : 1;
                lost += succeeded && journaled ? 0 : 1;
            }
            int journalTwice = (int) entries.values().stream().filter(count -> count > 1).count();
            int eventsTwice = count(connection, """
                    SELECT count(*) FROM (SELECT 1 FROM domain_event_entry
                        WHERE payload_type IN ('io.hyperx.subscription.api.PaymentSucceeded',
                                               'io.hyperx.economy.api.PaymentCredited')
                          AND (payload -> 'paymentId' ->> 'value')::uuid = ANY(?)
                        GROUP BY payload_type, payload -> 'paymentId' ->> 'value' HAVING count(*) > 1) twice""", ids);
            int tipsTwicePerKey = count(connection, """
                    SELECT count(*) FROM (SELECT 1 FROM domain_event_entry
                        WHERE payload_type = 'io.hyperx.economy.api.TipSent' AND payload ->> 'message' LIKE 'tip-%'
                        GROUP BY payload ->> 'message' HAVING count(*) > 1) twice""", null);
            int walletsDrifting = count(connection, """
                    SELECT count(*) FROM economy.wallet w
                    WHERE w.creator_id = ANY(?) AND (w.lifetime_gross_minor <> (SELECT coalesce(sum(j.gross_delta_minor), 0)
                                                     FROM economy.journal_entry j
                                                     WHERE j.creator_id = w.creator_id AND j.currency = w.currency)
                       OR w.lifetime_net_minor <> (SELECT coalesce(sum(j.net_delta_minor), 0)
                                                   FROM economy.journal_entry j
                                                   WHERE j.creator_id = w.creator_id AND j.currency = w.currency))""",
                    connection.createArrayOf("uuid", tips.stream().map(TipLoad.Tip::creatorId).distinct().toArray()));
            return new Verdict(payments.length, lost, notSucceeded, notJournaled,
                    journalTwice + eventsTwice + tipsTwicePerKey + walletsDrifting, journalTwice, eventsTwice,
                    tipsTwicePerKey, walletsDrifting);
        }
    }

    /** Journal entries of kind payment per payment. */
    Map<UUID, Long> journalEntries(Collection<UUID> payments) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            return journalEntries(connection, connection.createArrayOf("uuid", payments.toArray()));
        }
    }

    /** {@code PaymentSucceeded} events per payment. */
    Map<UUID, Long> successes(Collection<UUID> payments) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (payload -> 'paymentId' ->> 'value')::uuid, count(*) FROM domain_event_entry
                     WHERE payload_type = 'io.hyperx.subscription.api.PaymentSucceeded'
                       AND payload -> 'paymentId' ->> 'value' = ANY(?) GROUP BY 1""")) {
            query.setArray(1, connection.createArrayOf("text", payments.stream().map(UUID::toString).toArray()));
            return counts(query);
        }
    }

    /** The oldest dead letter's id, or null. */
    String firstDeadLetter() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT dead_letter_id FROM dead_letter_entry ORDER BY enqueued_at, sequence_index LIMIT 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    long scalar(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static Map<UUID, Long> journalEntries(Connection connection, Array ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT payment_id, count(*) FROM economy.journal_entry
                WHERE kind = 'payment' AND payment_id = ANY(?) GROUP BY payment_id""")) {
            query.setArray(1, ids);
            return counts(query);
        }
    }

    private static Map<UUID, Long> counts(PreparedStatement query) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return counts;
    }

    private static int count(Connection connection, String sql, Array parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setArray(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
