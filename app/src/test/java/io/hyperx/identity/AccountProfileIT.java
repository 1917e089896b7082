package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH /api/v1/me: a fan edits their display name and avatar; partial, validated, recorded without the values. */
class AccountProfileIT extends IdentityHttpSupport {

    @Test
    void aFanChangesDisplayNameAndAvatarPartially() {
        Session fan = register("fan");

        Response renamed = send("PATCH", "/api/v1/me", body("displayName", "  New Name  "), fan.auth());
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.json().path("displayName").asText()).isEqualTo("New Name");

        Response avatar = send("PATCH", "/api/v1/me", body("avatarUrl", "https://cdn.example.test/me.png"),
                fan.auth());
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.json().path("displayName").asText()).as("absent fields stay").isEqualTo("New Name");
        assertThat(get("/api/v1/auth/me", fan.auth()).json().path("avatarUrl").asText())
                .isEqualTo("https://cdn.example.test/me.png");

        Response cleared = send("PATCH", "/api/v1/me", body("avatarUrl", ""), fan.auth());
        assertThat(cleared.json().has("avatarUrl")).isFalse();

        List<String> recorded = jdbc.queryForList("SELECT payload::text FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%AccountProfileChanged' "
                + "ORDER BY sequence_number", String.class, fan.id().toString());
        assertThat(recorded).hasSize(3);
        assertThat(String.join(" ", recorded)).contains("displayName", "avatarUrl")
                .doesNotContain("New Name", "cdn.example.test");
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        Session fan = register("fan");

        Response blank = send("PATCH", "/api/v1/me", body("displayName", ""), fan.auth());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").findValuesAsText("field")).containsExactly("displayName");

        Response notHttps = send("PATCH", "/api/v1/me", body("avatarUrl", "javascript:alert(1)"), fan.auth());
        assertThat(notHttps.status()).isEqualTo(422);
        assertThat(notHttps.code()).isEqualTo("https_url_required");

        Response wrongType = send("PATCH", "/api/v1/me", body("displayName", List.of("a")), fan.auth());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").findValuesAsText("field")).containsExactly("displayName");
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(send("PATCH", "/api/v1/me", body("displayName", "x")).status()).isEqualTo(401);
    }
}
