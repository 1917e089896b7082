package io.hyperx.app;

import io.hyperx.testsupport.WithFreshPostgres;
import io.hyperxtest.probe.ProbeConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The running app on its own fresh database, metrics exported as in production, a bootstrap admin, and the test-only
 * probe aggregate, projection and controller.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HyperxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hyperx.identity.admin.email=" + FoundationTest.ADMIN_EMAIL,
                "hyperx.identity.admin.password=" + FoundationTest.ADMIN_PASSWORD,
                "hyperx.health.metrics-interval=1s"})
@WithFreshPostgres
@AutoConfigureObservability
@Import(ProbeConfiguration.class)
public @interface FoundationTest {

    String ADMIN_EMAIL = "ops-admin@hyperx.test";
    String ADMIN_PASSWORD = "foundation admin passphrase 7";
}
