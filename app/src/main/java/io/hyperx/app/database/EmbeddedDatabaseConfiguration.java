package io.hyperx.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database: the one configured ({@code HYPERX_DATABASE_URL} or {@code SPRING_DATASOURCE_URL}), or, when none
 * is, an embedded PostgreSQL 17 whose data directory persists under {@code .hyperx/pgdata}.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseConfigured.class)
    EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException {
        Path dataDirectory = settings.home().resolve("pgdata").toAbsolutePath();
        Files.createDirectories(dataDirectory.getParent());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(settings.embeddedPort())
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, ObjectProvider<EmbeddedPostgres> embedded,
                                DatabaseSettings settings) {
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        if (postgres != null) {
            properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            properties.setUsername("postgres");
            properties.setPassword("postgres");
            log.info("Database: embedded PostgreSQL 17 on port {}, data in {}", settings.embeddedPort(),
                    settings.home().resolve("pgdata").toAbsolutePath());
        } else {
            log.info("Database: {} as {}", properties.getUrl(), properties.getUsername());
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** Where local data lives and which port the embedded server listens on. */
    @ConfigurationProperties("hyperx.database")
    record DatabaseSettings(Path home, int embeddedPort) {
    }
}
