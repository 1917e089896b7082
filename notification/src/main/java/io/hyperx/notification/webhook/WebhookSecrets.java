package io.hyperx.notification.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Endpoint secrets: generated as {@code whsec_} + 32 random bytes (base64url), stored encrypted with AES-256-GCM so
 * that the database alone does not reveal them. The key is {@code HYPERX_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEY} or,
 * unset, one generated once into {@code $HYPERX_HOME/webhook-encryption-key} (owner-only). Every node must share it.
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    static final String KEY_FILE = "webhook-encryption-key";
    private static final String STORED_PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(WebhookSettings settings, @Value("${hyperx.database.home:.hyperx}") Path home) {
        byte[] bytes = settings.encryptionKey() == null || settings.encryptionKey().isBlank()
                ? loadOrGenerate(home.resolve(KEY_FILE))
                : Base64.getDecoder().decode(settings.encryptionKey().trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("HYPERX_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEY must be 32 bytes, base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return STORED_PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(STORED_PREFIX)) {
            throw new IllegalStateException("unknown webhook secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(STORED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (was the encryption key changed?)", e);
        }
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("cannot restrict permissions of {}", file);
            }
            log.info("Generated the webhook secret encryption key in {} (set HYPERX_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEY"
                    + " to use your own)", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the webhook encryption key " + file, e);
        }
    }
}
