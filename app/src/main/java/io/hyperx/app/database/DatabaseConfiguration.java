package io.hyperx.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;

/**
 * The database: the one configured ({@code HYPERX_DATABASE_URL} or {@code SPRING_DATASOURCE_URL}), or, when none
 * is, an embedded PostgreSQL 17 whose data directory persists under {@code .hyperx/pgdata}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseConfigured.class)
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) throws IOException {
        return EmbeddedDatabase.startOrAttach(settings.home(), settings.embeddedPort());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase database = embedded.getIfAvailable();
        if (database != null) {
            properties.setUrl(database.jdbcUrl());
            properties.setUsername("postgres");
            properties.setPassword("postgres");
            log.info("Database: {}", database.description());
        } else {
            log.info("Database: {} as {}", properties.getUrl(), properties.getUsername());
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /**
     * The database watch behind the health endpoints. In the server it also starts the embedded PostgreSQL again
     * when it died; a one-shot command leaves that to the server it runs beside.
     */
    @Bean(destroyMethod = "close")
    DatabaseWatch databaseWatch(HikariDataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded,
                                ObjectProvider<EventProcessingConfiguration> processing, Environment environment) {
        return new DatabaseWatch(dataSource, environment.matchesProfiles("cli") ? null : embedded.getIfAvailable(),
                processing::getObject, Duration.ofMillis(500), Duration.ofMillis(800));
    }

    /** Where local data lives and which port the embedded server listens on. */
    @ConfigurationProperties("hyperx.database")
    record DatabaseSettings(Path home, int embeddedPort) {
    }
}
