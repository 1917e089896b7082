package io.hyperx.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection writes and its reset empties, schema-qualified. A rebuild of the projection's processing
 * group drops their non-unique indexes after the reset and builds them again once the group has caught up: one
 * sorted build per index instead of an index insert per row. The projection's handlers must therefore write and read
 * these tables by primary key or unique constraint only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProjectionTables {

    String[] value();
}
