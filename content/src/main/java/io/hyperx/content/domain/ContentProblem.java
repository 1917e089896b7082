package io.hyperx.content.domain;

import io.hyperx.kernel.DomainException;

/** The content context's refusals, with stable codes. */
public final class ContentProblem {

    private ContentProblem() {
    }

    public static DomainException notFound(String code, String message) {
        return DomainException.notFound(code, message);
    }

    public static DomainException unprocessable(String code, String message) {
        return new DomainException(422, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return DomainException.forbidden(code, message);
    }

    public static DomainException conflict(String code, String message) {
        return DomainException.conflict(code, message);
    }
}
