package io.hyperx.app.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyFailuresTest {

    @Test
    void aConnectionFailureDeepInTheCauseChainIsADependencyDown() {
        Exception failure = new CommandExecutionException("command failed",
                new IllegalStateException("event store", new PSQLException("I/O", PSQLState.CONNECTION_FAILURE)));

        assertThat(DependencyFailures.isDependencyDown(failure)).isTrue();
    }

    @Test
    void aTransactionThatCannotStartForWantOfAConnectionIsADependencyDown() {
        Exception failure = new CannotCreateTransactionException("no transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(DependencyFailures.isDependencyDown(failure)).isTrue();
    }

    @Test
    void aRollbackThatFailsOnTheConnectionIsADependencyDown() {
        Exception failure = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DependencyFailures.isDependencyDown(failure)).isTrue();
    }

    @Test
    void aDatabaseInCrashRecoveryIsADependencyDown() {
        assertThat(DependencyFailures.isDependencyDown(
                new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void bugsAndRefusedWritesAreNotADependencyDown() {
        assertThat(DependencyFailures.isDependencyDown(new NullPointerException())).isFalse();
        assertThat(DependencyFailures.isDependencyDown(new DataIntegrityViolationException("duplicate key",
                new PSQLException("duplicate", PSQLState.UNIQUE_VIOLATION)))).isFalse();
    }
}
