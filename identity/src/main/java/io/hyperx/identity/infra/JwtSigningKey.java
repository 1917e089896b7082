package io.hyperx.identity.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC-SHA256 key access tokens are signed with: the configured secret ({@code HYPERX_JWT_SECRET}, base64 or
 * plain text, at least 32 bytes), or, when none is configured, a random key generated once and kept in
 * {@code <home>/jwt-signing-key} (owner-only permissions) so tokens survive restarts.
 */
final class JwtSigningKey {

    static final String KEY_FILE = "jwt-signing-key";
    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);

    private JwtSigningKey() {
    }

    static SecretKey resolve(String configuredSecret, Path home) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return hmac(decode(configuredSecret.trim()));
        }
        return hmac(loadOrGenerate(home.resolve(KEY_FILE)));
    }

    static byte[] decode(String secret) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException notBase64) {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("HYPERX_JWT_SECRET must hold at least " + MIN_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[MIN_BYTES * 2];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("cannot restrict permissions of {}", file);
            }
            log.info("Generated a JWT signing key in {} (set HYPERX_JWT_SECRET to use your own)",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT signing key " + file, e);
        }
    }

    private static SecretKey hmac(byte[] key) {
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
