package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: shown once, hashed, scoped within the owner's capabilities, revocable, expiring, last use recorded. */
class ApiKeyIT extends IdentityHttpSupport {

    @Test
    void aKeyActsWithItsScopesOnly() {
        Session creator = register("creator");
        Response created = post("/api/v1/api-keys", body("name", "agent", "scopes", List.of("account:self")),
                creator.auth());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String key = created.json().path("key").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/api-keys/" + id);
        assertThat(key).startsWith("hx_" + created.json().path("prefix").asText() + "_");

        Response me = get("/api/v1/auth/me", "X-API-Key", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(creator.id().toString());

        Response outOfScope = get("/api/v1/creators/profile", "X-API-Key", key);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.code()).isEqualTo("forbidden");
        assertThat(get("/api/v1/api-keys", "X-API-Key", key).status()).isEqualTo(403);
        Response twoFactorByKey = post("/api/v1/auth/2fa/enable", null, "X-API-Key", key);
        assertThat(twoFactorByKey.status()).isEqualTo(403);
        assertThat(twoFactorByKey.code()).isEqualTo("api_key_not_allowed");
        Response eraseByKey = send("DELETE", "/api/v1/auth/me", body("password", PASSWORD), "X-API-Key", key);
        assertThat(eraseByKey.status()).isEqualTo(403);
        assertThat(eraseByKey.code()).isEqualTo("api_key_not_allowed");

        Response listed = get("/api/v1/api-keys", creator.auth());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("data")).hasSize(1);
        assertThat(listed.json().path("data").get(0).has("key")).isFalse();
        assertThat(listed.json().path("data").get(0).path("lastUsedAt").isTextual()).isTrue();
        assertThat(listed.json().path("meta").path("pagination").path("total").asInt()).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.api_key WHERE encode(key_hash, 'hex') = "
                + "encode(sha256(convert_to(?, 'UTF8')), 'hex')", Integer.class, key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload::text LIKE ?",
                Integer.class, "%" + key.substring(12) + "%")).isZero();

        assertThat(send("DELETE", "/api/v1/api-keys/" + id, null, creator.auth()).status()).isEqualTo(204);
        Response revoked = get("/api/v1/auth/me", "X-API-Key", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("invalid_api_key");
        assertThat(send("DELETE", "/api/v1/api-keys/" + id, null, creator.auth()).status()).isEqualTo(404);
    }

    @Test
    void scopesBeyondTheOwnersCapabilitiesAreRefused() {
        Session fan = register("fan");
        Response refused = post("/api/v1/api-keys", body("name", "too much", "scopes", List.of("tiers:write")),
                fan.auth());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("scope_not_allowed");

        Response empty = post("/api/v1/api-keys", body("name", "none", "scopes", List.of()), fan.auth());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("validation_failed");
    }

    @Test
    void expiredAndUnknownKeysDoNotAuthenticate() {
        Session fan = register("fan");
        Response past = post("/api/v1/api-keys", body("name", "old", "scopes", List.of("account:self"),
                "expiresAt", Instant.now().minusSeconds(60).toString()), fan.auth());
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.code()).isEqualTo("expiry_in_past");

        Response created = post("/api/v1/api-keys", body("name", "soon", "scopes", List.of("account:self"),
                "expiresAt", Instant.now().plusSeconds(3600).toString()), fan.auth());
        String key = created.json().path("key").asText();
        assertThat(get("/api/v1/auth/me", "X-API-Key", key).status()).isEqualTo(200);
        jdbc.update("UPDATE identity.api_key SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                created.json().path("id").asText());
        assertThat(get("/api/v1/auth/me", "X-API-Key", key).code()).isEqualTo("invalid_api_key");

        Response unknown = get("/api/v1/auth/me", "X-API-Key", "hx_nothing_atall");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("invalid_api_key");
    }
}
