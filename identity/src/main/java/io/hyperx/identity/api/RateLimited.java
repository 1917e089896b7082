package io.hyperx.identity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a request mapping under the named rate limit, whose capacity and period come from configuration
 * ({@code hyperx.rate-limits.<name>.capacity} / {@code .period}). Over the limit the request is answered 429 with
 * {@code Retry-After}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The limit's name, e.g. {@code tips}. */
    String value();

    /** What one bucket is counted for. */
    Per per() default Per.ACCOUNT;

    enum Per {
        /** The client's IP address. */
        IP,
        /** The authenticated account (falls back to the IP address for anonymous calls). */
        ACCOUNT
    }
}
