package io.hyperx.app.bench;

import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows an event store to a given size for the replay benchmark, faster than the app's commands could: it copies the
 * events real flows wrote, world after world, each copy with every UUID (aggregate ids such as
 * {@code wallet-<creator>}, event ids, ids inside payloads and metadata) replaced by a fresh one derived from the
 * original and the copy's number. Each copy is therefore a valid history of other creators, fans, payments and
 * wallets, with the same sequence numbers per aggregate, loaded with {@code COPY}. Aggregates whose identifier holds
 * no UUID are not copied (a copy would clash with the original's sequence numbers).
 */
final class EventStoreCloner {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";
    private static final int ROWS_PER_COPY = 20_000;

    private final String url;

    EventStoreCloner(String url) {
        this.url = url;
    }

    private record Row(String eventId, String aggregateId, long sequence, String type, String timestamp,
                       String payloadType, String revision, String payload, String metaData) {
    }

    /** Appends copies of the store's events until it holds at least {@code target} events; answers the count. */
    long growTo(long target) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            List<Row> template = template(connection);
            long count = count(connection);
            if (template.isEmpty()) {
                throw new IllegalStateException("no event with a UUID aggregate identifier to copy");
            }
            CopyBuffer buffer = new CopyBuffer(connection);
            for (int copy = 1; count < target; copy++) {
                Map<String, String> ids = new HashMap<>();
                for (Row row : template) {
                    if (count >= target) {
                        break;
                    }
                    buffer.add(fresh(row.eventId(), copy, ids), fresh(row.aggregateId(), copy, ids),
                            Long.toString(row.sequence()), row.type(), row.timestamp(), row.payloadType(),
                            row.revision(), fresh(row.payload(), copy, ids), fresh(row.metaData(), copy, ids));
                    count++;
                }
                // a partial last copy may leave an aggregate's stream shorter, never with a gap
            }
            buffer.flush();
            return count(connection);
        }
    }

    private static List<Row> template(Connection connection) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + COLUMNS.replace("payload,", "payload::text,")
                     .replace("meta_data", "meta_data::text") + " FROM domain_event_entry ORDER BY global_index")) {
            while (result.next()) {
                Row row = new Row(result.getString(1), result.getString(2), result.getLong(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), result.getString(8),
                        result.getString(9));
                if (UUID_TEXT.matcher(row.aggregateId()).find() && UUID_TEXT.matcher(row.eventId()).find()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** {@code text} with each UUID replaced by the same fresh UUID throughout one copy. */
    private static String fresh(String text, int copy, Map<String, String> ids) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID_TEXT.matcher(text);
        return matcher.replaceAll(match -> ids.computeIfAbsent(match.group(), original -> UUID.nameUUIDFromBytes(
                (original + "/" + copy).getBytes(StandardCharsets.UTF_8)).toString()));
    }

    /** CSV rows sent to the server with {@code COPY ... FROM STDIN}, one transaction per batch. */
    private static final class CopyBuffer {
        private final Connection connection;
        private final StringBuilder csv = new StringBuilder();
        private int rows;

        CopyBuffer(Connection connection) {
            this.connection = connection;
        }

        void add(String... fields) throws Exception {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (fields[i] != null) {
                    csv.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
            if (++rows == ROWS_PER_COPY) {
                flush();
            }
        }

        void flush() throws Exception {
            if (rows > 0) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY domain_event_entry (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
                csv.setLength(0);
                rows = 0;
            }
        }
    }
}
