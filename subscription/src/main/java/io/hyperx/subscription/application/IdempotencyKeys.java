package io.hyperx.subscription.application;

import io.hyperx.kernel.Ids;
import io.hyperx.subscription.domain.SubscriptionProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * {@code Idempotency-Key} of money-moving POSTs: the key names the resource the first request created (its id is
 * derived from account and key, so even two concurrent first requests create one resource); the same key with
 * another body is refused with 422.
 */
@Service
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a request with this key refers to, and whether an earlier request with the same key and body exists. */
    public record Claim(UUID resourceId, boolean repeated) {
    }

    public Claim claim(UUID accountId, String key, String namespace, String requestFingerprint) {
        if (key == null || key.isBlank()) {
            return new Claim(UUID.randomUUID(), false);
        }
        if (key.length() > 255) {
            throw SubscriptionProblem.unprocessable("invalid_idempotency_key", "An Idempotency-Key has at most 255 characters.");
        }
        String hash = sha256(namespace + "\n" + requestFingerprint);
        UUID resource = Ids.deterministic("idempotency", namespace, accountId.toString(), key);
        int inserted = jdbc.update("""
                INSERT INTO subscription.idempotency_key (account_id, idempotency_key, request_hash, resource_id)
                VALUES (?, ?, ?, ?) ON CONFLICT (account_id, idempotency_key) DO NOTHING""",
                accountId, key, hash, resource);
        if (inserted == 1) {
            return new Claim(resource, false);
        }
        List<String> stored = jdbc.queryForList("""
                SELECT request_hash FROM subscription.idempotency_key WHERE account_id = ? AND idempotency_key = ?""",
                String.class, accountId, key);
        if (!stored.isEmpty() && !stored.get(0).equals(hash)) {
            throw SubscriptionProblem.unprocessable("idempotency_key_reused",
                    "This Idempotency-Key was used with another request.");
        }
        return new Claim(resource, true);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
