package io.hyperx.app.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's own account of one benchmark phase, when the system property {@code bench.statements} is true: the
 * statements that took the most time in it, from {@code pg_stat_statements} (loaded at the server's start).
 */
final class StatementStats implements AutoCloseable {

    static final boolean ENABLED = Boolean.getBoolean("bench.statements");
    private static final int TOP = 15;

    private final JdbcTemplate jdbc;
    private final String phase;

    private StatementStats(JdbcTemplate jdbc, String phase) {
        this.jdbc = jdbc;
        this.phase = phase;
    }

    static StatementStats start(JdbcTemplate jdbc, String phase) {
        if (ENABLED) {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.execute("SELECT pg_stat_statements_reset()");
        }
        return new StatementStats(jdbc, phase);
    }

    @Override
    public void close() {
        if (!ENABLED) {
            return;
        }
        System.out.printf("[bench] statements of %s, by total time:%n", phase);
        jdbc.query("""
                SELECT round(total_exec_time) AS ms, calls, rows, shared_blks_dirtied, wal_bytes,
                       left(regexp_replace(regexp_replace(query, '\\s+', ' ', 'g'),
                                           '^SELECT .*? FROM ', 'SELECT ... FROM '), 200) AS query
                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ?""", row -> {
            System.out.printf("[bench]   %8d ms %9d calls %9d rows %8d dirtied %11d WAL B  %s%n", row.getLong(1),
                    row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getString(6));
        }, TOP);
    }
}
