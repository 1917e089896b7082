package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification and reset links: queued in the outbox, single-use, expiring, never in an event. */
class EmailAndPasswordResetIT extends IdentityHttpSupport {

    private List<String> links(UUID accountId, String template) {
        return jdbc.queryForList("SELECT link FROM identity.outgoing_message WHERE account_id = ? AND template = ? "
                + "ORDER BY created_at", String.class, accountId, template);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    void theVerificationLinkVerifiesTheEmailOnce() {
        Session fan = register("fan");
        List<String> links = links(fan.id(), "verify_email");
        assertThat(links).hasSize(1);
        String token = token(links.get(0));

        Response verified = post("/api/v1/auth/verify-email", body("token", token));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", fan.auth()).json().path("emailVerified").asBoolean()).isTrue();

        Response again = post("/api/v1/auth/verify-email", body("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("token_invalid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload::text LIKE ?",
                Integer.class, "%" + token + "%")).isZero();
    }

    @Test
    void anExpiredVerificationLinkIsRefused() {
        Session fan = register("fan");
        String token = token(links(fan.id(), "verify_email").get(0));
        jdbc.update("UPDATE identity.one_time_token SET expires_at = now() - interval '1 second' "
                + "WHERE account_id = ?", fan.id());
        assertThat(post("/api/v1/auth/verify-email", body("token", token)).code()).isEqualTo("token_invalid");
    }

    @Test
    void aPasswordResetChangesThePasswordAndRevokesEverySession() {
        Session fan = register("fan");
        assertThat(post("/api/v1/auth/forgot-password", body("email", fan.email().toUpperCase())).status())
                .isEqualTo(202);
        List<String> links = links(fan.id(), "reset_password");
        assertThat(links).hasSize(1);
        String token = token(links.get(0));

        Response weak = post("/api/v1/auth/reset-password", body("token", token, "newPassword", "short"));
        assertThat(weak.code()).isEqualTo("password_too_short");

        String newPassword = "a completely new passphrase";
        assertThat(post("/api/v1/auth/reset-password", body("token", token, "newPassword", newPassword)).status())
                .isEqualTo(204);
        assertThat(post("/api/v1/auth/refresh", body("refreshToken", fan.refreshToken())).status()).isEqualTo(401);
        assertThat(post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(login(fan.email(), newPassword).accessToken()).isNotBlank();

        Response reused = post("/api/v1/auth/reset-password", body("token", token, "newPassword", "yet another passphrase"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("token_invalid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%PasswordReset'", Integer.class, fan.id().toString())).isEqualTo(1);
    }

    @Test
    void forgotPasswordAnswersTheSameForUnknownAddressesAndQueuesNothing() {
        int before = jdbc.queryForObject("SELECT count(*) FROM identity.outgoing_message", Integer.class);
        assertThat(post("/api/v1/auth/forgot-password", body("email", uniqueEmail("ghost"))).status())
                .isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.outgoing_message", Integer.class))
                .isEqualTo(before);
    }
}
