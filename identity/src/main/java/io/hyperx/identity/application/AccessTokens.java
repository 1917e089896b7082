package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.Role;

import java.time.Instant;

/** Port: signs short-lived access tokens for an account (JWT, implemented in infra). */
public interface AccessTokens {

    Issued issue(AccountId accountId, Role role);

    record Issued(String value, Instant expiresAt, long expiresInSeconds) {
    }
}
