package io.hyperx.app;

import io.hyperx.app.cli.HyperxCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * HyperX: one JVM, one PostgreSQL, one event store. {@code main} runs the server ({@code serve}, the default) or a
 * one-shot command against the same configuration and database.
 */
@SpringBootApplication(scanBasePackages = "io.hyperx")
@ConfigurationPropertiesScan("io.hyperx")
@EntityScan("io.hyperx")
@EnableJpaRepositories("io.hyperx")
public class HyperxApplication {

    public static void main(String[] args) {
        int exitCode = HyperxCommand.execute(args);
        if (exitCode != HyperxCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
