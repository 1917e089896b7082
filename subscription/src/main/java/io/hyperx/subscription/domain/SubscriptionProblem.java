package io.hyperx.subscription.domain;

import io.hyperx.kernel.DomainException;

/**
 * A refused command of the subscription context, with a stable code; the shared problem-details advice turns it
 * into a response with the status of its kind.
 */
public final class SubscriptionProblem extends DomainException {

    /** How a refusal reads to a client. */
    public enum Kind {
        NOT_FOUND(404),
        FORBIDDEN(403),
        CONFLICT(409),
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    public SubscriptionProblem(Kind kind, String code, String message) {
        super(kind.status, code, message);
        this.kind = kind;
    }

    public static SubscriptionProblem notFound(String code, String message) {
        return new SubscriptionProblem(Kind.NOT_FOUND, code, message);
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
}
