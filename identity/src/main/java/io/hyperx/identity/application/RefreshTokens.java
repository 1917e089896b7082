package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code identity.refresh_token}: SHA-256 digests of opaque refresh tokens, grouped in families (one per login). */
@Repository
class RefreshTokens {

    private final JdbcTemplate jdbc;

    RefreshTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a new token in the family and answers the raw token (shown once, never stored). */
    String issue(AccountId accountId, UUID familyId, Instant now, Instant expiresAt) {
        String raw = "rt_" + Secrets.randomToken(32);
        jdbc.update("INSERT INTO identity.refresh_token (token_hash, family_id, account_id, issued_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                Secrets.sha256(raw), familyId, accountId.value(), Timestamp.from(now), Timestamp.from(expiresAt));
        return raw;
    }

    /** Locks the token's row for the rest of the transaction, so two presentations of one token are serialised. */
    Optional<Row> lock(String raw) {
        return jdbc.query("SELECT family_id, account_id, expires_at, used_at, revoked_at FROM identity.refresh_token "
                        + "WHERE token_hash = ? FOR UPDATE",
                (rs, n) -> new Row(rs.getObject("family_id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null,
                        rs.getTimestamp("revoked_at") != null),
                (Object) Secrets.sha256(raw)).stream().findFirst();
    }

    void markUsed(String raw, Instant now) {
        jdbc.update("UPDATE identity.refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now),
                Secrets.sha256(raw));
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.update("UPDATE identity.refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), familyId);
    }

    int revokeAll(AccountId accountId, Instant now) {
        return jdbc.update("UPDATE identity.refresh_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), accountId.value());
    }

    /** Closes the sessions whose refresh token expired unused, so none stays active past its expiry. */
    int revokeExpired(Instant now) {
        return jdbc.update("""
                UPDATE identity.refresh_token SET revoked_at = ?
                WHERE revoked_at IS NULL AND used_at IS NULL AND expires_at < ?""",
                Timestamp.from(now), Timestamp.from(now));
    }

    record Row(UUID familyId, AccountId accountId, Instant expiresAt, boolean used, boolean revoked) {
    }
}
