package io.hyperx.app.eventstore;

import io.hyperx.platform.consistency.WritePositions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;

/**
 * Axon's JDBC storage engine with payload and metadata in {@code jsonb} columns, so events are readable with SQL
 * ({@code payload ->> 'amountMinor'}). Events are serialized to JSON text and cast to {@code jsonb} on insert.
 */
final class JsonbEventStorageEngine extends JdbcEventStorageEngine {

    // Axon's defaults, which the builder leaves in place; Axon keeps them private.
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;

    private final EventSchema schema;
    private final int gapTimeoutMillis;
    private final TransactionManager transactionManager;
    private final WritePositions writePositions;
    private final String lastAppendedIndex;

    private JsonbEventStorageEngine(Builder builder, EventSchema schema, int gapTimeoutMillis,
                                    TransactionManager transactionManager, WritePositions writePositions) {
        super(builder);
        this.schema = schema;
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.transactionManager = transactionManager;
        this.writePositions = writePositions;
        this.lastAppendedIndex = "SELECT currval(pg_get_serial_sequence('" + schema.domainEventTable() + "', '"
                + schema.globalIndexColumn() + "'))";
    }

    static JsonbEventStorageEngine build(Builder builder, EventSchema schema, int gapTimeoutMillis,
                                         TransactionManager transactionManager, WritePositions writePositions) {
        return new JsonbEventStorageEngine(builder
                .schema(schema)
                .gapTimeout(gapTimeoutMillis)
                .dataType(String.class)
                .transactionManager(transactionManager)
                .appendEvents(JsonbEventStorageEngine::appendEvents)
                .appendSnapshot(JsonbEventStorageEngine::appendSnapshot), schema, gapTimeoutMillis,
                transactionManager, writePositions);
    }

    /**
     * Appends as Axon does; in an HTTP request, also hands the global index of the last event appended (this
     * session's last value of the index's sequence, in the same transaction) to {@link WritePositions}.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty() || !writePositions.tracking()) {
            super.appendEvents(events, serializer);
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            writePositions.appended(executeQuery(getConnection(), connection -> connection.prepareStatement(
                    lastAppendedIndex), resultSet -> {
                resultSet.next();
                return resultSet.getLong(1);
            }, e -> new EventStoreException("Could not read the appended events' global index", e)));
        });
    }

    /**
     * One event read by a processor, as Axon reads it, but with its timestamp parsed once ({@link StoredTimestamps})
     * for both the gap check and the message. The token follows Axon's rule: an index skipped by a recent event
     * (within the gap timeout) is kept as a gap, since a transaction may still commit it; older ones are given up.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long index = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String storedTimestamp = resultSet.getString(schema.timestampColumn());
        Instant timestamp = StoredTimestamps.parse(storedTimestamp);
        DomainEventData<String> event = new GenericDomainEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                storedTimestamp,
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn())) {
            @Override
            public Instant getTimestamp() {
                return timestamp;
            }
        };
        boolean recent = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(index, recent
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, index), index).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(index, recent ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        return (T) resultSet.getString(columnName);
    }

    private static PreparedStatement appendEvents(Connection connection, EventSchema schema, Class<?> dataType,
                                                  List<? extends EventMessage<?>> events, Serializer serializer,
                                                  TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insertInto(schema.domainEventTable(), schema));
        for (EventMessage<?> event : events) {
            bind(statement, asDomainEventMessage(event), dataType, serializer, timestampWriter);
            statement.addBatch();
        }
        return statement;
    }

    private static PreparedStatement appendSnapshot(Connection connection, EventSchema schema, Class<?> dataType,
                                                    DomainEventMessage<?> snapshot, Serializer serializer,
                                                    TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insertInto(schema.snapshotTable(), schema));
        bind(statement, snapshot, dataType, serializer, timestampWriter);
        return statement;
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private static String insertInto(String table, EventSchema schema) {
        return "INSERT INTO " + table + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,CAST(? AS jsonb),CAST(? AS jsonb))";
    }

    private static void bind(PreparedStatement statement, DomainEventMessage<?> event, Class<?> dataType,
                             Serializer serializer, TimestampWriter timestampWriter) throws SQLException {
        SerializedObject<?> payload = event.serializePayload(serializer, dataType);
        SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setString(8, (String) payload.getData());
        statement.setString(9, (String) metaData.getData());
    }
}
