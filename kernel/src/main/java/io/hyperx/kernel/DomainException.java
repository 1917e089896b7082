package io.hyperx.kernel;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal by the domain that the caller can act on: a stable machine-readable {@code code}
 * ({@code email_taken}, {@code account_suspended}), an HTTP-like {@code status} (409, 404, 403, 422, ...) and
 * a human-readable message. The web layer turns it into problem details; any context may throw it.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;

    public DomainException(int status, String code, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a domain refusal is a 4xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(409, code, message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(404, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(403, code, message);
    }

    public static DomainException unauthorized(String code, String message) {
        return new DomainException(401, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Response headers the refusal comes with (e.g. {@code Retry-After}); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
