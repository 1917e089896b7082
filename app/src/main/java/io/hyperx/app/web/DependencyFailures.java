package io.hyperx.app.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure means a dependency (the database) is down or unreachable rather than a bug: anywhere in its
 * cause chain, a Spring resource failure, a connection exception, or a PostgreSQL SQLSTATE of class 08 (connection),
 * 57P01-57P03 (shut down, crashed, starting up), 53300 (too many connections) or 57014 (statement timeout).
 * Such failures answer 503 with {@code Retry-After}; everything else stays a 500.
 */
final class DependencyFailures {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private DependencyFailures() {
    }

    static boolean isDependencyDown(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || isFailedRollback(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rollback that fails on the JDBC connection: the connection broke inside the transaction, and the rollback's
     * own error ("Connection is closed", no SQL state) has replaced the one that broke it.
     */
    private static boolean isFailedRollback(Throwable cause) {
        return cause.getClass().getName().equals("org.hibernate.TransactionException")
                && cause.getCause() instanceof SQLException;
    }
}
