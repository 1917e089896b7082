package io.hyperx.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no SMTP server configured (the embedded default), e-mails are written as .eml files and listed at the dev
 * mailbox, which only operators may read.
 */
@FoundationTest
class DevMailboxIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void operatorsReadTheMailsThatWereWrittenAsFiles() {
        String email = "mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ResponseEntity<JsonNode> fan = http.postForEntity("/api/v1/auth/register", Map.of("email", email,
                "password", "correct horse battery staple", "displayName", "Mailbox fan", "role", "fan"),
                JsonNode.class);
        assertThat(fan.getStatusCode().value()).isEqualTo(201);
        String admin = token(FoundationTest.ADMIN_EMAIL, FoundationTest.ADMIN_PASSWORD);

        JsonNode mail = await("the verification mail in the dev mailbox", () -> {
            for (JsonNode item : get("/api/v1/dev/mail?size=100", admin, JsonNode.class).getBody().path("data")) {
                if (item.path("to").toString().contains(email)) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
        assertThat(mail.path("subject").asText()).isEqualTo("Confirm your e-mail address");
        assertThat(mail.path("name").asText()).endsWith(".eml");

        ResponseEntity<String> raw = get("/api/v1/dev/mail/" + mail.path("name").asText(), admin, String.class);
        assertThat(raw.getStatusCode().value()).isEqualTo(200);
        assertThat(raw.getBody()).contains("To: " + email).contains("verify-email?token=")
                .contains("Content-Type: text/plain").contains("Content-Type: text/html");

        String fanToken = fan.getBody().path("accessToken").asText();
        assertThat(get("/api/v1/dev/mail", fanToken, String.class).getStatusCode().value())
                .as("a fan cannot read others' links").isEqualTo(403);
        assertThat(get("/api/v1/dev/mail/..%2F..%2Fpgdata", admin, String.class).getStatusCode().value())
                .isIn(400, 404);
    }

    private String token(String email, String password) {
        ResponseEntity<JsonNode> login = http.postForEntity("/api/v1/auth/login",
                Map.of("email", email, "password", password), JsonNode.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        return login.getBody().path("accessToken").asText();
    }

    private <T> ResponseEntity<T> get(String path, String token, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }
}
