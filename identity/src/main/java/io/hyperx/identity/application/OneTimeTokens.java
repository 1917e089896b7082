package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code identity.one_time_token}: e-mail verification and password reset tokens, hashed, single-use, expiring. */
@Repository
class OneTimeTokens {

    static final String VERIFY_EMAIL = "verify_email";
    static final String RESET_PASSWORD = "reset_password";

    private final JdbcTemplate jdbc;

    OneTimeTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String issue(AccountId accountId, String purpose, Instant now, Instant expiresAt) {
        String raw = Secrets.randomToken(32);
        jdbc.update("INSERT INTO identity.one_time_token (token_hash, account_id, purpose, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                Secrets.sha256(raw), accountId.value(), purpose, Timestamp.from(now), Timestamp.from(expiresAt));
        return raw;
    }

    /** Uses the token up (atomically: a second use finds nothing) and answers whose it was. */
    Optional<AccountId> consume(String raw, String purpose, Instant now) {
        return jdbc.query("UPDATE identity.one_time_token SET used_at = ? WHERE token_hash = ? AND purpose = ? "
                                + "AND used_at IS NULL AND expires_at > ? RETURNING account_id",
                        (rs, n) -> new AccountId(rs.getObject("account_id", UUID.class)),
                        Timestamp.from(now), Secrets.sha256(raw == null ? "" : raw), purpose, Timestamp.from(now))
                .stream().findFirst();
    }

    void invalidateAll(AccountId accountId, String purpose, Instant now) {
        jdbc.update("UPDATE identity.one_time_token SET used_at = ? WHERE account_id = ? AND purpose = ? "
                + "AND used_at IS NULL", Timestamp.from(now), accountId.value(), purpose);
    }
}
