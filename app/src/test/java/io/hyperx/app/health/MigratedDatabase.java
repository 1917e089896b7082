package io.hyperx.app.health;

import io.hyperx.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of a test's own with every migration applied and no app running: invariant-check tests write bad rows
 * into it directly, harming nobody.
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static JdbcTemplate fresh() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").createSchemas(true).load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }
}
