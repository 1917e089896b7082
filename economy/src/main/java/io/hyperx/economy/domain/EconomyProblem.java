package io.hyperx.economy.domain;

import io.hyperx.kernel.DomainException;

/** A refusal by the economy context, with a stable code. */
public class EconomyProblem extends DomainException {

    public EconomyProblem(int status, String code, String message) {
        super(status, code, message);
    }

    public static EconomyProblem unprocessable(String code, String message) {
        return new EconomyProblem(422, code, message);
    }
}
