package io.hyperx.subscription.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonTransientException;

import java.sql.SQLException;

/**
 * Recognises a lost race on an aggregate: two transactions appended the same (aggregate, sequence) and the loser
 * hit the event store's unique key. Re-running the command against the now newer aggregate is safe.
 */
public final class ConcurrentWrites {

    private static final String UNIQUE_VIOLATION = "23505";

    private ConcurrentWrites() {
    }

    /**
     * Sends a command and waits, re-sending it (up to three times in all) when it lost a race on its aggregate.
     * Reactions use it so that a race does not park their event in the dead-letter queue; every command they send
     * is idempotent, so re-sending is safe.
     */
    public static <R> R sendAndWait(CommandGateway commands, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (attempt == 3 || !isConcurrentWrite(e)) {
                    throw e;
                }
            }
        }
    }

    public static boolean isConcurrentWrite(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
