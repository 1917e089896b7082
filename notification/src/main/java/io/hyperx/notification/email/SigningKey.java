package io.hyperx.notification.email;

import io.hyperx.notification.outbox.NotificationSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 key of the notification context's links: {@code HYPERX_NOTIFICATION_SIGNING_SECRET}, or a secret
 * generated once into {@code $HYPERX_HOME/notification-signing-secret} (kept across restarts; every node of a
 * cluster must share it, so set it there).
 */
@Component
class SigningKey {

    private final byte[] key;

    SigningKey(NotificationSettings settings, @Value("${hyperx.database.home:.hyperx}") Path home) {
        this.key = settings.signingSecret() != null && !settings.signingSecret().isBlank()
                ? settings.signingSecret().getBytes(StandardCharsets.UTF_8) : generated(home);
    }

    String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] generated(Path home) {
        Path file = home.resolve("notification-signing-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path temp = Files.createTempFile(home, "notification-signing-secret", ".tmp");
                Files.writeString(temp, HexFormat.of().formatHex(secret));
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }
}
