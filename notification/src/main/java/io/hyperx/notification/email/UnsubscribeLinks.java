package io.hyperx.notification.email;

import io.hyperx.notification.outbox.NotificationSettings;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed links that turn one category of e-mail off for one account, without logging in:
 * {@code <base>/api/v1/notifications/unsubscribe?token=<account:category, base64url>.<HMAC>}.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/api/v1/notifications/unsubscribe";

    private final SigningKey key;
    private final String baseUrl;

    UnsubscribeLinks(SigningKey key, NotificationSettings settings) {
        this.key = key;
        this.baseUrl = settings.publicBaseUrl();
    }

    record Target(UUID accountId, String category) {
    }

    String link(UUID accountId, String category) {
        String value = "unsubscribe:" + accountId + ":" + category;
        return baseUrl + PATH + "?token=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "." + key.sign(value);
    }

    Optional<Target> read(String token) {
        if (token == null || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        String value;
        try {
            value = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = value.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("unsubscribe")
                || !key.verify(value, token.substring(token.indexOf('.') + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Target(UUID.fromString(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
