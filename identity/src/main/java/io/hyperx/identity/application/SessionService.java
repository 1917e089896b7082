package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.kernel.DomainException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions: login (password, then a TOTP or backup code when two-factor is on), refresh-token rotation with reuse
 * detection (a used token presented again revokes its whole family), logout.
 */
@Service
public class SessionService {

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final TwoFactorService twoFactor;
    private final IdentitySettings settings;
    private final String dummyHash;

    SessionService(Accounts accounts, RefreshTokens refreshTokens, AccessTokens accessTokens,
                   PasswordEncoder passwords, TwoFactorService twoFactor, IdentitySettings settings) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.settings = settings;
        // Checked against when the e-mail is unknown, so both failures cost the same hashing time.
        this.dummyHash = passwords.encode(Secrets.randomToken(24));
    }

    @Transactional
    public TokenPair login(String email, String password, String code) {
        Optional<AccountRecord> found = accounts.byEmail(email);
        String hash = found.map(AccountRecord::passwordHash).orElse(dummyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
        if (found.isEmpty() || !matches) {
            throw DomainException.unauthorized("invalid_credentials", "The e-mail or password is wrong.");
        }
        AccountRecord account = found.get();
        if (account.status() != AccountStatus.ACTIVE) {
            throw DomainException.forbidden("account_suspended", "The account is suspended.");
        }
        if (account.twoFactorEnabled()) {
            if (code == null || code.isBlank()) {
                throw DomainException.unauthorized("two_factor_required",
                        "Two-factor authentication is on: send a code from the authenticator app or a backup code.");
            }
            if (!twoFactor.accepts(account, code)) {
                throw DomainException.unauthorized("invalid_two_factor_code", "The two-factor code is wrong.");
            }
        }
        return startSession(account, UUID.randomUUID());
    }

    /** Rotates the refresh token. A token presented twice means it was stolen: its whole family is revoked. */
    @Transactional(noRollbackFor = DomainException.class)
    public TokenPair refresh(String rawRefreshToken) {
        Instant now = Instant.now();
        RefreshTokens.Row row = refreshTokens.lock(rawRefreshToken == null ? "" : rawRefreshToken)
                .orElseThrow(() -> DomainException.unauthorized("invalid_refresh_token", "Unknown refresh token."));
        if (row.revoked()) {
            throw DomainException.unauthorized("refresh_token_revoked", "The refresh token was revoked.");
        }
        if (row.used()) {
            refreshTokens.revokeFamily(row.familyId(), now);
            throw DomainException.unauthorized("refresh_token_reused",
                    "The refresh token was already used; every session of this login is revoked.");
        }
        if (!row.expiresAt().isAfter(now)) {
            throw DomainException.unauthorized("refresh_token_expired", "The refresh token has expired.");
        }
        AccountRecord account = accounts.require(row.accountId());
        if (account.status() != AccountStatus.ACTIVE) {
            refreshTokens.revokeFamily(row.familyId(), now);
            throw DomainException.forbidden("account_suspended", "The account is suspended.");
        }
        refreshTokens.markUsed(rawRefreshToken, now);
        return startSession(account, row.familyId());
    }

    /** Revokes the refresh token's family; unknown tokens are ignored (logout is idempotent). */
    @Transactional
    public void logout(String rawRefreshToken) {
        refreshTokens.lock(rawRefreshToken == null ? "" : rawRefreshToken)
                .ifPresent(row -> refreshTokens.revokeFamily(row.familyId(), Instant.now()));
    }

    /** Revokes every session of the account (password reset, suspension, erasure). */
    void revokeAll(AccountId accountId) {
        refreshTokens.revokeAll(accountId, Instant.now());
    }

    TokenPair startSession(AccountRecord account, UUID familyId) {
        Instant now = Instant.now();
        String refresh = refreshTokens.issue(account.id(), familyId, now, now.plus(settings.refreshTokenTtl()));
        AccessTokens.Issued access = accessTokens.issue(account.id(), account.role());
        return new TokenPair(access.value(), refresh, access.expiresInSeconds(), account.details());
    }
}
