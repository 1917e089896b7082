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
 * The running app on its own fresh database, metrics exported as in production, with the test-only probe aggregate,
 * projection and controller.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HyperxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithFreshPostgres
@AutoConfigureObservability
@Import(ProbeConfiguration.class)
public @interface FoundationTest {
}
