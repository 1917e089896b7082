package io.hyperx.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.hyperx.kernel.Money;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A request body Jackson could not bind, as a {@code validation_failed} problem naming the field (its JSON path,
 * {@code price.amountMinor}, {@code preferences[0].channel}), what it must be, the value sent and, for enums, the
 * allowed values. Only a body that is not JSON at all stays {@code malformed_request}.
 */
final class RequestBodyProblems {

    static final String VALIDATION_FAILED = "validation_failed";
    private static final int MAX_ECHOED_VALUE = 100;

    private RequestBodyProblems() {
    }

    static ProblemDetail describe(HttpMessageNotReadableException ex, HttpStatusCode status) {
        Throwable cause = ex.getCause();
        if (cause == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
            return malformed(status, "The request body is missing.");
        }
        if (!(cause instanceof JsonMappingException mapping) || cause instanceof JsonParseException) {
            return malformed(status, "The request body is not readable JSON.");
        }
        String field = path(mapping);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", expectation(mapping));
        rejectedValue(mapping).ifPresent(value -> error.put("rejectedValue", value));
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            error.put("allowedValues", enumNames(format.getTargetType()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field.isEmpty()
                ? "The request body " + error.get("message") + "."
                : field + ": " + error.get("message") + ".");
        problem.setProperty("code", VALIDATION_FAILED);
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    private static ProblemDetail malformed(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", "malformed_request");
        return problem;
    }

    /** {@code price.amountMinor}, {@code tierIds[2]}; empty for the body itself. */
    static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ex.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(JsonMappingException ex) {
        if (ex instanceof InvalidRequestValue invalid) {
            return invalid.reason();
        }
        if (ex instanceof ValueInstantiationException instantiation) {
            Throwable reason = instantiation.getCause();
            return reason != null && reason.getMessage() != null ? reason.getMessage() : "is invalid";
        }
        if (ex.getCause() instanceof InputCoercionException) {
            return "is out of range";
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expectation(mismatch.getTargetType());
        }
        return "is invalid";
    }

    private static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", enumNames(type));
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Currency.class) {
            return "must be an ISO 4217 currency code such as USD";
        }
        if (type == Money.class) {
            return "must be money: {\"amountMinor\": 500, \"currency\": \"USD\"}";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2026-12-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 instant such as 2026-12-31T12:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static Optional<String> rejectedValue(JsonMappingException ex) {
        Object value = ex instanceof InvalidFormatException format ? format.getValue()
                : ex instanceof InvalidRequestValue invalid ? invalid.rejectedValue() : null;
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value);
        return Optional.of(text.length() > MAX_ECHOED_VALUE ? text.substring(0, MAX_ECHOED_VALUE) + "…"
                : text);
    }

    private static List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.toList());
    }
}
