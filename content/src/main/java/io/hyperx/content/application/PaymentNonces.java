package io.hyperx.content.application;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The nonce of a 402 answer: {@code <expiry epoch seconds>.<random>.<HMAC(post, expiry, random)>}, so any node can
 * check that it was issued for that post and has not expired, without storing it.
 */
@Component
public class PaymentNonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final ContentSettings settings;
    private final Clock clock;

    @Autowired
    PaymentNonces(ContentSettings settings, @Value("${hyperx.database.home:.hyperx}") String home) {
        this(settings, secret(settings, Path.of(home)), Clock.systemUTC());
    }

    PaymentNonces(ContentSettings settings, byte[] secret, Clock clock) {
        this.settings = settings;
        this.secret = secret;
        this.clock = clock;
    }

    /** A nonce for paying {@code post}, and when it expires. */
    public record Nonce(String value, Instant expiresAt) {
    }

    public Nonce issue(UUID post) {
        Instant expiresAt = clock.instant().plus(settings.paymentNonceTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String body = expiresAt.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Nonce(body + "." + sign(post, body), expiresAt);
    }

    /** True when {@code nonce} was issued here for {@code post} and has not expired. */
    public boolean valid(UUID post, String nonce) {
        if (nonce == null) {
            return false;
        }
        int last = nonce.lastIndexOf('.');
        int first = nonce.indexOf('.');
        if (first <= 0 || last <= first) {
            return false;
        }
        String body = nonce.substring(0, last);
        if (!MessageDigest.isEqual(sign(post, body).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(nonce.substring(0, first))).isAfter(clock.instant());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(UUID post, String body) {
        return sign(post.toString(), body);
    }

    /** HMAC-SHA256 (hex) of {@code purpose|value} with the content signing secret. */
    String sign(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + "|" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(String purpose, String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] secret(ContentSettings settings, Path home) {
        if (!settings.signingSecret().isBlank()) {
            return settings.signingSecret().getBytes(StandardCharsets.UTF_8);
        }
        Path file = home.resolve("content-signing-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] generated = new byte[32];
                RANDOM.nextBytes(generated);
                Path temp = Files.createTempFile(home, "content-signing-secret", ".tmp");
                Files.writeString(temp, HexFormat.of().formatHex(generated));
                try {
                    Files.move(temp, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }
}
