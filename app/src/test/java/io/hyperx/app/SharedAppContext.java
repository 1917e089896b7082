package io.hyperx.app;

import io.hyperx.testsupport.WithFreshPostgres;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The HTTP integration tests' one Spring Boot test configuration: the app on a random port over a fresh database,
 * with cheap password hashing and the test admin. Every class that carries it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = HyperxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.forward-headers-strategy=native",
                "hyperx.identity.argon2-memory-kib=1024",
                "hyperx.identity.argon2-iterations=1",
                "hyperx.identity.admin.email=" + SharedAppContext.ADMIN_EMAIL,
                "hyperx.identity.admin.password=" + SharedAppContext.ADMIN_PASSWORD,
                "hyperx.identity.cors-allowed-origins=https://app.hyperx.test",
                "hyperx.database.home=target/it-home"
        })
@WithFreshPostgres
public @interface SharedAppContext {

    String ADMIN_EMAIL = "admin@hyperx.test";
    String ADMIN_PASSWORD = "Admin-Passw0rd-For-Tests";
}
