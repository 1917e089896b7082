package io.hyperx.subscription.infra;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The webhook signing secret: {@code HYPERX_STRIPE_WEBHOOK_SECRET} when set; otherwise one generated once and kept
 * in {@code <hyperx home>/stripe-webhook-secret}, so signatures stay valid across restarts.
 */
@Component
public class WebhookSecret {

    static final String FILE_NAME = "stripe-webhook-secret";

    private final String value;

    WebhookSecret(StripeSettings settings, @Value("${hyperx.database.home:.hyperx}") String home) {
        this.value = settings.webhookSecret() != null && !settings.webhookSecret().isBlank()
                ? settings.webhookSecret()
                : generatedOnce(Path.of(home).resolve(FILE_NAME));
    }

    public String value() {
        return value;
    }

    private static synchronized String generatedOnce(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = "whsec_" + HexFormat.of().formatHex(random);
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            Files.writeString(temp, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the webhook secret in " + file, e);
        }
    }
}
