package io.hyperx.subscription.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes to one projection table keyed by {@code id}, collected over one unit of work (a processor's batch of
 * events) and sent just before its transaction commits, instead of one round trip per event:
 * <ul>
 *   <li>a row inserted in the batch is held in memory, and later updates of it in the batch change it there, so a
 *       row's whole life within one batch costs one row of a multi-row insert;</li>
 *   <li>updates of rows from earlier batches are sent after the inserts, in event order, consecutive ones setting
 *       the same columns as one JDBC batch.</li>
 * </ul>
 * That order is safe because a row's insert comes from its aggregate's first event: no update in a batch precedes
 * the insert of its own row. Inserts ignore a row that already exists (a batch is only delivered again after its
 * transaction rolled back, so an existing row already holds every event up to the token). Outside a unit of work
 * each write runs at once. A handler writes last, after everything that can fail.
 */
final class BatchedRows {

    private final JdbcTemplate jdbc;
    private final String table;

    BatchedRows(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Inserts the row {@code id} with {@code columns} (column name to value, nulls allowed) unless it exists. */
    void insert(UUID id, Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.putAll(columns);
        Pending pending = pending();
        if (pending == null) {
            execute(insertSql(row), row.values().toArray());
        } else {
            pending.inserted.putIfAbsent(id, row);
        }
    }

    /** Sets {@code columns} on the row {@code id}, if it exists. */
    void update(UUID id, Map<String, Object> columns) {
        Pending pending = pending();
        Map<String, Object> inserted = pending == null ? null : pending.inserted.get(id);
        if (inserted != null) {
            inserted.putAll(columns);
            return;
        }
        List<Object> arguments = new ArrayList<>(columns.values());
        arguments.add(id);
        String sql = "UPDATE " + table + " SET " + String.join(" = ?, ", columns.keySet()) + " = ? WHERE id = ?";
        if (pending == null) {
            execute(sql, arguments.toArray());
        } else {
            pending.updates.add(new Write(sql, arguments.toArray()));
        }
    }

    /**
     * The {@code columns} of the row {@code id} as this batch sees it: from its pending insert, else from the table.
     * Only for columns that updates do not change, since pending updates of earlier rows are not applied yet.
     */
    Optional<Map<String, Object>> find(UUID id, String... columns) {
        Pending pending = pending();
        Map<String, Object> inserted = pending == null ? null : pending.inserted.get(id);
        if (inserted != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : columns) {
                values.put(column, inserted.get(column));
            }
            return Optional.of(values);
        }
        return jdbc.queryForList("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE id = ?", id)
                .stream().findFirst();
    }

    private String insertSql(Map<String, Object> row) {
        return "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ") ON CONFLICT (id) DO NOTHING";
    }

    private void execute(String sql, Object[] arguments) {
        jdbc.update(sql, statement -> bind(statement, arguments));
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BatchedRows.class.getName() + ":" + table, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(unitOfWork -> created.flush());
            return created;
        });
    }

    /** Binds with {@code setObject}, which lets the driver type a null without asking the server. */
    private static void bind(PreparedStatement statement, Object[] arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
    }

    private record Write(String sql, Object[] arguments) {
    }

    /** One unit of work's inserted rows, in insertion order, and its updates of other rows, in event order. */
    private final class Pending {

        final Map<UUID, Map<String, Object>> inserted = new LinkedHashMap<>();
        final List<Write> updates = new ArrayList<>();

        void flush() {
            List<Write> writes = new ArrayList<>();
            inserted.values().forEach(row -> writes.add(new Write(insertSql(row), row.values().toArray())));
            writes.addAll(updates);
            inserted.clear();
            updates.clear();
            int start = 0;
            for (int end = 1; end <= writes.size(); end++) {
                if (end == writes.size() || !writes.get(end).sql().equals(writes.get(start).sql())) {
                    List<Object[]> run = writes.subList(start, end).stream().map(Write::arguments).toList();
                    jdbc.batchUpdate(writes.get(start).sql(), run, run.size(), BatchedRows::bind);
                    start = end;
                }
            }
        }
    }
}
