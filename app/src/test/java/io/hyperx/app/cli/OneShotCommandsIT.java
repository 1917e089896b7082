package io.hyperx.app.cli;

import io.hyperx.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** One-shot commands run against the configured database and answer through their exit code. */
class OneShotCommandsIT {

    private static final String[] SETTINGS = {"spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.datasource.hikari.connection-timeout"};

    @AfterEach
    void clearSettings() {
        for (String setting : SETTINGS) {
            System.clearProperty(setting);
        }
    }

    @Test
    void exitsZeroWhenEveryCheckPasses() {
        useDatabase(TestPostgres.newDatabase());

        assertThat(HyperxCommand.execute("health")).isZero();
    }

    @Test
    void exitsOneWhenACheckFails() throws SQLException {
        TestPostgres.Database database = TestPostgres.newDatabase();
        useDatabase(database);
        assertThat(HyperxCommand.execute("health")).isZero();

        execute(database, "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_no_truncate");

        assertThat(HyperxCommand.execute("health")).isEqualTo(1);
    }

    @Test
    void projectionsListsAndReplayRefusesAnUnknownGroup() {
        useDatabase(TestPostgres.newDatabase());

        assertThat(HyperxCommand.execute("projections")).isZero();
        assertThat(HyperxCommand.execute("replay", "no-such-group")).isEqualTo(2);
        assertThat(HyperxCommand.execute("replay")).isEqualTo(2);
    }

    @Test
    void exitsTwoWhenTheDatabaseCannotBeReached() {
        useDatabase(new TestPostgres.Database("jdbc:postgresql://localhost:1/none", "nobody", "none"));
        System.setProperty("spring.datasource.hikari.connection-timeout", "250");

        assertThat(HyperxCommand.execute("health")).isEqualTo(2);
    }

    private static void useDatabase(TestPostgres.Database database) {
        System.setProperty("spring.datasource.url", database.url());
        System.setProperty("spring.datasource.username", database.user());
        System.setProperty("spring.datasource.password", database.password());
    }

    private static void execute(TestPostgres.Database database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
