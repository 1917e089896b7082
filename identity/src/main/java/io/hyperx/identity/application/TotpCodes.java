package io.hyperx.identity.application;

/** Port: RFC 6238 time-based one-time passwords (30 s steps, 6 digits, SHA-1), verified with one step of drift. */
public interface TotpCodes {

    String newSecret();

    String otpauthUri(String secret, String accountLabel);

    boolean verify(String secret, String code);
}
