package io.hyperx.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC storage engine with payload and metadata in {@code jsonb} columns, so events are readable with SQL
 * ({@code payload ->> 'amountMinor'}). Events are serialized to JSON text and cast to {@code jsonb} on insert.
 */
final class JsonbEventStorageEngine extends JdbcEventStorageEngine {

    private JsonbEventStorageEngine(Builder builder) {
        super(builder);
    }

    static JsonbEventStorageEngine build(Builder builder) {
        return new JsonbEventStorageEngine(builder
                .dataType(String.class)
                .appendEvents(JsonbEventStorageEngine::appendEvents)
                .appendSnapshot(JsonbEventStorageEngine::appendSnapshot));
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
