package io.hyperxtest.probe;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Adds the probe aggregate, projection and controller to a test's application context. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ProbeAccount.class, ProbeProjection.class, ProbeReactions.class, ProbeReactions.Count.class, EchoController.class,
        ProbeController.class})
public class ProbeConfiguration {
}
