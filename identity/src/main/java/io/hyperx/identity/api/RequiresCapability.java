package io.hyperx.identity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capability a request mapping needs (on the method, or on the controller class for all its methods). Every
 * request mapping carries this or {@link PublicEndpoint}; anything undeclared is denied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresCapability {

    /** A {@link Capability} name, e.g. {@code tiers:write}. */
    String value();
}
