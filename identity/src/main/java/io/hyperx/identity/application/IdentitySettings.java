package io.hyperx.identity.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Identity's settings ({@code hyperx.identity.*}, from {@code HYPERX_*} environment variables; see docs/identity.md).
 *
 * @param jwtSecret           HMAC key for access tokens (base64, at least 32 bytes); empty: generated once and
 *                            kept under {@code hyperx.database.home}
 * @param publicBaseUrl       where links in e-mails point to
 * @param argon2MemoryKib     argon2id memory cost (KiB) for password hashes
 * @param argon2Iterations    argon2id passes
 * @param corsAllowedOrigins  origins allowed to call the API from a browser; empty: none
 */
@ConfigurationProperties("hyperx.identity")
public record IdentitySettings(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("hyperx") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("24h") Duration verifyEmailTtl,
        @DefaultValue("1h") Duration resetPasswordTtl,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("19456") int argon2MemoryKib,
        @DefaultValue("2") int argon2Iterations,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue Admin admin) {

    /** The admin account created at startup when both are set and no account has that e-mail yet. */
    public record Admin(@DefaultValue("") String email, @DefaultValue("") String password) {
        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
