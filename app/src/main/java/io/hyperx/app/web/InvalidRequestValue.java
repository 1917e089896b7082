package io.hyperx.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value in a request body that is well-formed JSON of the right type but not acceptable; says why. */
final class InvalidRequestValue extends MismatchedInputException {

    private final String reason;
    private final transient Object rejectedValue;

    private InvalidRequestValue(JsonParser parser, Class<?> owner, String field, String reason, Object rejectedValue) {
        super(parser, field + " " + reason, owner);
        this.reason = reason;
        this.rejectedValue = rejectedValue;
        prependPath(owner, field);
    }

    /** {@code field} of an {@code owner} (its path below the owner); the owner's own path is added by Jackson. */
    static InvalidRequestValue of(JsonParser parser, Class<?> owner, String field, String reason, Object rejected) {
        return new InvalidRequestValue(parser, owner, field, reason, rejected);
    }

    String reason() {
        return reason;
    }

    Object rejectedValue() {
        return rejectedValue;
    }
}
