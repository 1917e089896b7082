package io.hyperx.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.economy.EconomyHttpSupport;
import org.junit.jupiter.api.Test;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no SMTP server configured (the embedded default, as in the economy test app), e-mails are written as .eml
 * files and listed at the dev mailbox, which only operators may read.
 */
class DevMailboxIT extends EconomyHttpSupport {

    @Test
    void operatorsReadTheMailsThatWereWrittenAsFiles() {
        Session fan = register("fan");
        String email = jdbc.queryForObject("SELECT email FROM identity.account WHERE account_id = ?", String.class,
                fan.id());
        Session admin = admin();

        JsonNode mail = await("the verification mail in the dev mailbox", () -> {
            for (JsonNode item : get("/api/v1/dev/mail?size=100", admin.auth()).json().path("data")) {
                if (item.path("to").toString().contains(email)) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
        assertThat(mail.path("subject").asText()).isEqualTo("Confirm your e-mail address");
        assertThat(mail.path("name").asText()).endsWith(".eml");

        Response raw = get("/api/v1/dev/mail/" + mail.path("name").asText(), admin.auth());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.raw()).contains("To: " + email).contains("verify-email?token=")
                .contains("Content-Type: text/plain").contains("Content-Type: text/html");

        assertThat(get("/api/v1/dev/mail", fan.auth()).status()).as("a fan cannot read others' links")
                .isEqualTo(403);
        assertThat(get("/api/v1/dev/mail/nothing-here.eml", admin.auth()).status()).isEqualTo(404);
        assertThat(get("/api/v1/dev/mail/..%2F..%2Fpgdata", admin.auth()).status()).isIn(400, 404);
    }
}
