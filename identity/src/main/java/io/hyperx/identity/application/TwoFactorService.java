package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.EnableTwoFactorCommand;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Two-factor authentication: a TOTP secret (RFC 6238) and ten single-use backup codes, stored in identity's tables
 * (backup codes as SHA-256 digests). Enabling takes two steps: {@code enable} hands out the secret, {@code verify}
 * switches it on once the authenticator app produced a valid code.
 */
@Service
public class TwoFactorService {

    static final int BACKUP_CODES = 10;

    private final Accounts accounts;
    private final TotpCodes totp;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    TwoFactorService(Accounts accounts, TotpCodes totp, JdbcTemplate jdbc, CommandGateway commands) {
        this.accounts = accounts;
        this.totp = totp;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @Transactional
    public Enrollment enable(AccountId accountId) {
        AccountRecord account = accounts.require(accountId);
        if (account.twoFactorEnabled()) {
            throw DomainException.conflict("two_factor_already_enabled", "Two-factor authentication is already on.");
        }
        String secret = totp.newSecret();
        accounts.setPendingTotp(accountId, secret);
        jdbc.update("DELETE FROM identity.backup_code WHERE account_id = ?", accountId.value());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODES; i++) {
            String code = Secrets.randomCode(5) + "-" + Secrets.randomCode(5);
            codes.add(code);
            jdbc.update("INSERT INTO identity.backup_code (account_id, code_hash) VALUES (?, ?)", accountId.value(),
                    Secrets.sha256(normalizeBackupCode(code)));
        }
        return new Enrollment(secret, totp.otpauthUri(secret, account.email()), List.copyOf(codes));
    }

    @Transactional
    public void verify(AccountId accountId, String code) {
        AccountRecord account = accounts.require(accountId);
        if (account.twoFactorEnabled()) {
            throw DomainException.conflict("two_factor_already_enabled", "Two-factor authentication is already on.");
        }
        if (account.totpPending() == null) {
            throw DomainException.conflict("two_factor_not_enrolled", "Call /api/v1/auth/2fa/enable first.");
        }
        OptionalLong step = code == null ? OptionalLong.empty() : totp.matchingStep(account.totpPending(), code.trim());
        if (step.isEmpty()) {
            throw new DomainException(422, "invalid_two_factor_code", "The code does not match the secret.");
        }
        accounts.activateTotp(accountId, step.getAsLong());
        commands.sendAndWait(new EnableTwoFactorCommand(accountId, Instant.now()));
    }

    /**
     * A valid TOTP code for the account's secret from a time step later than the last one accepted (so a code cannot
     * be replayed), or one of its unused backup codes (which is then used up).
     */
    boolean accepts(AccountRecord account, String code) {
        String trimmed = code.trim();
        OptionalLong step = totp.matchingStep(account.totpSecret(), trimmed);
        if (step.isPresent()) {
            return accounts.advanceTotpStep(account.id(), step.getAsLong());
        }
        return jdbc.update("UPDATE identity.backup_code SET used_at = ? WHERE account_id = ? AND code_hash = ? "
                        + "AND used_at IS NULL", Timestamp.from(Instant.now()), account.id().value(),
                Secrets.sha256(normalizeBackupCode(trimmed))) == 1;
    }

    private static String normalizeBackupCode(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** The secret (for manual entry), the otpauth URI (for a QR code) and the backup codes, shown once. */
    public record Enrollment(String secret, String otpauthUri, List<String> backupCodes) {
    }
}
