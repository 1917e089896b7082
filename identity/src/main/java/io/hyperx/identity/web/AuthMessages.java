package io.hyperx.identity.web;

import io.hyperx.identity.application.AccountDetails;
import io.hyperx.identity.application.TokenPair;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the auth and account endpoints. */
final class AuthMessages {

    private AuthMessages() {
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull @Pattern(regexp = "fan|creator", message = "must be fan or creator") String role) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password,
                        @Size(max = 64) String code) {
    }

    record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
    }

    record TokenRequest(@NotBlank @Size(max = 512) String token) {
    }

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetPasswordRequest(@NotBlank @Size(max = 512) String token,
                                @NotNull @Size(max = 1024) String newPassword) {
    }

    record PasswordRequest(@NotNull @Size(max = 1024) String password) {
    }

    record CodeRequest(@NotBlank @Size(max = 64) String code) {
    }

    /** A partial update of the caller's account: absent fields stay; an empty {@code avatarUrl} removes it. */
    record AccountPatchRequest(@Size(min = 1, max = 100) String displayName, @Size(max = 2048) String avatarUrl) {
    }

    record AccountResponse(UUID id, String role, String status, String email, String displayName, String avatarUrl,
                           boolean emailVerified, boolean twoFactorEnabled, Instant createdAt) {
        static AccountResponse of(AccountDetails account) {
            return new AccountResponse(account.id().value(), account.role().wireName(),
                    account.status().wireName(), account.email(), account.displayName(), account.avatarUrl(),
                    account.emailVerified(),
                    account.twoFactorEnabled(), account.createdAt());
        }
    }

    /** The token pair; {@code id} (the new account's) only when registering. */
    record TokenPairResponse(UUID id, String accessToken, String refreshToken, long expiresIn, String tokenType,
                             AccountResponse account) {
        static TokenPairResponse of(TokenPair pair, boolean created) {
            return new TokenPairResponse(created ? pair.account().id().value() : null, pair.accessToken(),
                    pair.refreshToken(), pair.expiresIn(), "Bearer", AccountResponse.of(pair.account()));
        }
    }
}
