package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure deletes the person's data from identity's tables; the event log never held any. */
class ErasureIT extends IdentityHttpSupport {

    @Test
    void erasureLeavesNoPersonalDataInIdentityTablesOrTheEventLog() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "erase-me-" + marker + "@example.test";
        String displayName = "Quixotic Zelda " + marker;
        String slug = "zelda-" + marker;
        Response registered = post("/api/v1/auth/register",
                body("email", email, "password", PASSWORD, "displayName", displayName, "role", "creator"));
        assertThat(registered.status()).isEqualTo(201);
        UUID id = UUID.fromString(registered.json().path("id").asText());
        String[] auth = bearer(registered.json().path("accessToken").asText());

        assertThat(send("PUT", "/api/v1/creators/profile", body("slug", slug, "displayName", displayName,
                "bio", "Bio of " + displayName, "published", true), auth).status()).isEqualTo(200);
        assertThat(post("/api/v1/api-keys", body("name", displayName, "scopes", List.of("account:self")), auth)
                .status()).isEqualTo(201);
        assertThat(post("/api/v1/auth/2fa/enable", null, auth).status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/forgot-password", body("email", email)).status()).isEqualTo(202);
        assertThat(personalDataRows(email, displayName)).isNotEmpty();

        Response wrongPassword = send("DELETE", "/api/v1/auth/me", body("password", "not the password"), auth);
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.code()).isEqualTo("invalid_password");

        assertThat(send("DELETE", "/api/v1/auth/me", body("password", PASSWORD), auth).status()).isEqualTo(204);

        assertThat(personalDataRows(email, displayName)).isEmpty();
        assertThat(personalDataRows(marker, marker)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload::text ILIKE ? "
                        + "OR meta_data::text ILIKE ?", Integer.class, "%" + marker + "%", "%" + marker + "%"))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%AccountErased'", Integer.class, id.toString())).isEqualTo(1);

        assertThat(post("/api/v1/auth/login", body("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", auth).status()).isEqualTo(401);
        assertThat(get("/api/v1/public/creators/" + slug).status()).isEqualTo(404);

        // The address is free again.
        assertThat(post("/api/v1/auth/register", body("email", email, "password", PASSWORD, "displayName", "New",
                "role", "fan")).status()).isEqualTo(201);
    }

    /** Every row of every table in schema identity whose text form contains the e-mail or the display name. */
    private List<String> personalDataRows(String email, String displayName) {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'identity' AND table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("account", "creator_profile", "outgoing_message", "api_key");
        return tables.stream().flatMap(table -> jdbc.queryForList("SELECT '" + table + ": ' || t::text FROM identity."
                        + table + " t WHERE t::text ILIKE ? OR t::text ILIKE ?", String.class,
                "%" + email + "%", "%" + displayName + "%").stream()).toList();
    }
}
