package io.hyperx.economy.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Projection writes collected over one unit of work (a processor's batch of events) and sent as one JDBC batch per
 * statement just before its transaction commits, instead of one round trip per write: with
 * {@code reWriteBatchedInserts} PostgreSQL receives multi-row inserts. Statements are flushed in the order each was
 * first added, so an insert of a parent row flushes before its children's. Writes of one event must therefore be
 * independent of later writes with other statements in the same batch: inserts that ignore conflicts, and upserts
 * merged per row ({@link #merge}), since a multi-row upsert may not touch one row twice. A handler adds its writes
 * last, after everything that can fail, so a failing event leaves none behind. Outside a unit of work (a repair run
 * from a request) each write is executed at once. A flush that fails rolls the whole batch back; the processor then
 * retries it.
 */
@Component
public class ProjectionWrites {

    private static final String PENDING = ProjectionWrites.class.getName();

    private final JdbcTemplate jdbc;

    ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one execution of {@code sql}. */
    public void add(String sql, Object... arguments) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, arguments);
        } else {
            pending.statement(sql).rows.add(arguments);
        }
    }

    /**
     * Adds one execution of {@code sql} for the row {@code key}; a second one for the same row in this batch is
     * combined with the first by {@code combine} (old arguments, new arguments) into one.
     */
    public void merge(String sql, Object key, Object[] arguments, BinaryOperator<Object[]> combine) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, arguments);
        } else {
            pending.statement(sql).merged.merge(key, arguments, combine);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(unitOfWork -> created.flush(jdbc));
            return created;
        });
    }

    /** The statements of one unit of work in the order they were first added, each with its rows. */
    private static final class Pending {

        private final Map<String, Statement> statements = new LinkedHashMap<>();

        Statement statement(String sql) {
            return statements.computeIfAbsent(sql, s -> new Statement());
        }

        void flush(JdbcTemplate jdbc) {
            statements.forEach((sql, statement) -> {
                List<Object[]> rows = new ArrayList<>(statement.rows);
                rows.addAll(statement.merged.values());
                if (!rows.isEmpty()) {
                    jdbc.batchUpdate(sql, rows);
                }
            });
            statements.clear();
        }
    }

    private static final class Statement {
        final List<Object[]> rows = new ArrayList<>();
        final Map<Object, Object[]> merged = new LinkedHashMap<>();
    }
}
