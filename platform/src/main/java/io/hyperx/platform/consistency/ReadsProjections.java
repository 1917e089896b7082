package io.hyperx.platform.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The processing groups whose projections an endpoint (method or whole controller) reads. Before it runs, the
 * request waits (bounded) until those groups have handled the caller's last write, or the position the client asked
 * for in {@code HyperX-Min-Position}; see {@link ReadYourWrites}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadsProjections {

    /** Processing group names, as in {@code @ProcessingGroup}. */
    String[] value();
}
