package io.hyperx.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code HyperX-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the HMAC key is the
 * endpoint secret's UTF-8 bytes ({@code whsec_...} as shown) and the message is {@code "<t>.<raw body>"}. While a
 * rotated secret is still valid the header carries one {@code v1=} per secret. {@link #verify} is what a receiver
 * does, written out as a reference.
 */
public final class WebhookSignature {

    public static final String HEADER = "HyperX-Signature";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp}, signed with each of {@code secrets}. */
    public static String header(long timestamp, String body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        secrets.forEach(secret -> header.append(",v1=").append(hmac(secret, timestamp, body)));
        return header.toString();
    }

    public static String hmac(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * True when {@code header} has a timestamp within {@code tolerance} of {@code now} and at least one {@code v1}
     * signature of {@code body} made with {@code secret} (compared in constant time).
     */
    public static boolean verify(String header, String body, String secret, Duration tolerance, Instant now) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return signatures.stream().anyMatch(signature ->
                MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)));
    }
}
