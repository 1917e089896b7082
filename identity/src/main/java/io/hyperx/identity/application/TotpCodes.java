package io.hyperx.identity.application;

import java.util.OptionalLong;

/** Port: RFC 6238 time-based one-time passwords (30 s steps, 6 digits, SHA-1), verified with one step of drift. */
public interface TotpCodes {

    String newSecret();

    String otpauthUri(String secret, String accountLabel);

    /** The time step (Unix seconds / 30) whose code this is, within one step of now; empty when none matches. */
    OptionalLong matchingStep(String secret, String code);

    default boolean verify(String secret, String code) {
        return matchingStep(secret, code).isPresent();
    }
}
