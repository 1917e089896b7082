package io.hyperx.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Enabling TOTP, then logging in with a code or a single-use backup code. */
class TwoFactorIT extends IdentityHttpSupport {

    static String currentCode(String secret) throws Exception {
        return codeAt(secret, 0);
    }

    /** The code of the time step {@code offset} steps from now (the server accepts one step of drift). */
    static String codeAt(String secret, int offset) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret, System.currentTimeMillis() / 1000 / 30 + offset);
    }

    @Test
    void afterEnablingLoginNeedsATotpCodeOrABackupCodeUsedOnce() throws Exception {
        Session fan = register("fan");
        Response enrollment = post("/api/v1/auth/2fa/enable", null, fan.auth());
        assertThat(enrollment.status()).isEqualTo(200);
        String secret = enrollment.json().path("secret").asText();
        JsonNode backupCodes = enrollment.json().path("backupCodes");
        assertThat(backupCodes).hasSize(10);
        assertThat(enrollment.json().path("otpauthUri").asText()).startsWith("otpauth://totp/").contains(secret);

        // Not on until verified.
        assertThat(post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD)).status())
                .isEqualTo(200);
        Response wrong = post("/api/v1/auth/2fa/verify", body("code", "000000".equals(currentCode(secret))
                ? "111111" : "000000"), fan.auth());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("invalid_two_factor_code");

        Response verified = post("/api/v1/auth/2fa/verify", body("code", currentCode(secret)), fan.auth());
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", fan.auth()).json().path("twoFactorEnabled").asBoolean()).isTrue();

        Response withoutCode = post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.code()).isEqualTo("two_factor_required");

        // The verification used the current step's code; the next step's code is new (one step of drift).
        String nextCode = codeAt(secret, 1);
        Response withTotp = post("/api/v1/auth/login",
                body("email", fan.email(), "password", PASSWORD, "code", nextCode));
        assertThat(withTotp.status()).as(withTotp.raw()).isEqualTo(200);
        Response replayed = post("/api/v1/auth/login",
                body("email", fan.email(), "password", PASSWORD, "code", nextCode));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("invalid_two_factor_code");

        String backup = backupCodes.get(3).asText();
        Response withBackup = post("/api/v1/auth/login",
                body("email", fan.email(), "password", PASSWORD, "code", backup.toUpperCase()));
        assertThat(withBackup.status()).as(withBackup.raw()).isEqualTo(200);

        Response backupAgain = post("/api/v1/auth/login",
                body("email", fan.email(), "password", PASSWORD, "code", backup));
        assertThat(backupAgain.status()).isEqualTo(401);
        assertThat(backupAgain.code()).isEqualTo("invalid_two_factor_code");

        Response enableAgain = post("/api/v1/auth/2fa/enable", null, fan.auth());
        assertThat(enableAgain.status()).isEqualTo(409);
    }

    @Test
    void secretsAndBackupCodesAreStoredOnlyInIdentityTablesAndHashed() throws Exception {
        Session fan = register("fan");
        Response enrollment = post("/api/v1/auth/2fa/enable", null, fan.auth());
        String secret = enrollment.json().path("secret").asText();
        post("/api/v1/auth/2fa/verify", body("code", currentCode(secret)), fan.auth());
        String backup = enrollment.json().path("backupCodes").get(0).asText();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.backup_code WHERE account_id = ?",
                Integer.class, fan.id())).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.backup_code WHERE encode(code_hash, 'escape') "
                + "LIKE ?", Integer.class, "%" + backup + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload::text LIKE ? "
                + "OR payload::text LIKE ?", Integer.class, "%" + secret + "%", "%" + backup + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%TwoFactorEnabled'", Integer.class, fan.id().toString())).isEqualTo(1);
    }
}
