package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.Role;
import io.hyperx.kernel.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code identity.account} and {@code identity.email_claim}: credentials and personal data, by account id. */
@Repository
public class Accounts {

    private static final String COLUMNS = "a.account_id, a.email, a.display_name, a.avatar_url, a.password_hash, a.role, a.status, "
            + "a.email_verified, a.two_factor_enabled, a.totp_secret, a.totp_pending, a.created_at";

    private static final RowMapper<AccountRecord> ROW = (rs, n) -> new AccountRecord(
            new AccountId(rs.getObject("account_id", UUID.class)),
            rs.getString("email"),
            rs.getString("display_name"),
            rs.getString("avatar_url"),
            rs.getString("password_hash"),
            Role.fromWireName(rs.getString("role")),
            AccountStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            rs.getBoolean("email_verified"),
            rs.getBoolean("two_factor_enabled"),
            rs.getString("totp_secret"),
            rs.getString("totp_pending"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Inserts the account and claims its e-mail. The claim's primary key is the uniqueness check: a concurrent or
     * earlier registration with the same e-mail (in any case) makes this fail with {@code email_taken}.
     */
    void insert(AccountId id, String email, String displayName, String passwordHash, Role role, Instant now) {
        jdbc.update("INSERT INTO identity.account (account_id, email, display_name, password_hash, role, status, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
                id.value(), email.trim(), displayName.trim(), passwordHash, role.wireName(), Timestamp.from(now));
        try {
            jdbc.update("INSERT INTO identity.email_claim (email_normalized, account_id) VALUES (?, ?)",
                    normalizeEmail(email), id.value());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("email_taken", "An account with this e-mail address already exists.");
        }
    }

    public Optional<AccountRecord> byEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity.account a JOIN identity.email_claim c "
                + "ON c.account_id = a.account_id WHERE c.email_normalized = ?", ROW, normalizeEmail(email))
                .stream().findFirst();
    }

    public Optional<AccountRecord> byId(AccountId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity.account a WHERE a.account_id = ?", ROW, id.value())
                .stream().findFirst();
    }

    public AccountRecord require(AccountId id) {
        return byId(id).orElseThrow(() -> DomainException.notFound("account_not_found", "No such account."));
    }

    public Optional<AccountStatus> status(AccountId id) {
        return jdbc.queryForList("SELECT status FROM identity.account WHERE account_id = ?", String.class, id.value())
                .stream().findFirst().map(s -> AccountStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    }

    void setRole(AccountId id, Role role) {
        jdbc.update("UPDATE identity.account SET role = ? WHERE account_id = ?", role.wireName(), id.value());
    }

    void setStatus(AccountId id, AccountStatus status) {
        jdbc.update("UPDATE identity.account SET status = ? WHERE account_id = ?", status.wireName(), id.value());
    }

    void setDisplayName(AccountId id, String displayName) {
        jdbc.update("UPDATE identity.account SET display_name = ? WHERE account_id = ?", displayName, id.value());
    }

    void setAvatarUrl(AccountId id, String avatarUrl) {
        jdbc.update("UPDATE identity.account SET avatar_url = ? WHERE account_id = ?", avatarUrl, id.value());
    }

    void setEmailVerified(AccountId id) {
        jdbc.update("UPDATE identity.account SET email_verified = TRUE WHERE account_id = ?", id.value());
    }

    void setPasswordHash(AccountId id, String hash) {
        jdbc.update("UPDATE identity.account SET password_hash = ? WHERE account_id = ?", hash, id.value());
    }

    void setPendingTotp(AccountId id, String secret) {
        jdbc.update("UPDATE identity.account SET totp_pending = ? WHERE account_id = ?", secret, id.value());
    }

    void activateTotp(AccountId id, long usedStep) {
        jdbc.update("UPDATE identity.account SET totp_secret = totp_pending, totp_pending = NULL, "
                + "totp_last_step = ?, two_factor_enabled = TRUE WHERE account_id = ?", usedStep, id.value());
    }

    /** Records a TOTP step as used; false when it (or a later one) was already used: the code is a replay. */
    boolean advanceTotpStep(AccountId id, long step) {
        return jdbc.update("UPDATE identity.account SET totp_last_step = ? WHERE account_id = ? "
                + "AND (totp_last_step IS NULL OR totp_last_step < ?)", step, id.value(), step) == 1;
    }

    /** Deletes or blanks every row of identity's tables that holds the person's data or a secret of theirs. */
    void erase(AccountId id, Instant now) {
        UUID account = id.value();
        jdbc.update("DELETE FROM identity.creator_slug WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.creator_profile WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.outgoing_message WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.one_time_token WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.refresh_token WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.api_key WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.backup_code WHERE account_id = ?", account);
        jdbc.update("DELETE FROM identity.email_claim WHERE account_id = ?", account);
        jdbc.update("UPDATE identity.account SET email = NULL, display_name = NULL, avatar_url = NULL, password_hash = NULL, "
                + "totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL, two_factor_enabled = FALSE, status = 'erased', "
                + "erased_at = ? WHERE account_id = ?", Timestamp.from(now), account);
    }
}
