package io.hyperx.identity.web;

import org.springframework.security.core.AuthenticationException;

/** An authentication failure with the problem {@code code} the client gets ({@code account_suspended}, ...). */
final class CodedAuthenticationException extends AuthenticationException {

    private final String code;

    CodedAuthenticationException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
