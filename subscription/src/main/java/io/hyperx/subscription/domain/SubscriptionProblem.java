package io.hyperx.subscription.domain;

/**
 * A refused command, with a stable code for problem responses and the kind of refusal (which the web layer turns
 * into a status).
 */
public final class SubscriptionProblem extends RuntimeException {

    /** How a refusal reads to a client. */
    public enum Kind {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;

    public SubscriptionProblem(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static SubscriptionProblem conflict(String code, String message) {
        return new SubscriptionProblem(Kind.CONFLICT, code, message);
    }

    public static SubscriptionProblem unprocessable(String code, String message) {
        return new SubscriptionProblem(Kind.UNPROCESSABLE, code, message);
    }

    public static SubscriptionProblem forbidden(String code, String message) {
        return new SubscriptionProblem(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
