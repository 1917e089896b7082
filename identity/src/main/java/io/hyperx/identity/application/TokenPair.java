package io.hyperx.identity.application;

/** What register, login and refresh answer: a short-lived access token and a rotating refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, AccountDetails account) {
}
