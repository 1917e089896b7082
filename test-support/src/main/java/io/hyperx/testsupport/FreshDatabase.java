package io.hyperx.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points a Spring test context at a database of its own on the shared test server, so contexts never see each
 * other's rows. Use it through {@link WithFreshPostgres}.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hyperx-test-database", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password())));
    }
}
