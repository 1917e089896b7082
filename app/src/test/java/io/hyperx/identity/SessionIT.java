package io.hyperx.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Register, login, refresh rotation and reuse detection, logout, me, expired and missing tokens. */
class SessionIT extends IdentityHttpSupport {

    @Autowired
    JwtEncoder jwtEncoder;

    @Test
    void registrationAnswersTheAccountAndATokenPairThatAuthenticates() {
        String email = uniqueEmail("Mixed.Case");
        Response registered = post("/api/v1/auth/register",
                body("email", email, "password", PASSWORD, "displayName", "Ada", "role", "fan"));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/v1/auth/me");
        assertThat(registered.json().path("expiresIn").asInt()).isEqualTo(900);
        assertThat(registered.json().path("account").path("role").asText()).isEqualTo("fan");
        assertThat(registered.json().path("account").path("id").asText())
                .isEqualTo(registered.json().path("id").asText());

        Response me = get("/api/v1/auth/me", bearer(registered.json().path("accessToken").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asText()).isEqualTo(email);
        assertThat(me.json().path("displayName").asText()).isEqualTo("Ada");
        assertThat(me.json().path("emailVerified").asBoolean()).isFalse();
    }

    @Test
    void aSecondRegistrationWithTheSameEmailInAnotherCaseIsAConflict() {
        Session first = register("fan");
        Response again = post("/api/v1/auth/register", body("email", first.email().toUpperCase(),
                "password", PASSWORD, "displayName", "Copy", "role", "fan"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("email_taken");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void weakPasswordsAndBadFieldsAreRefusedWithProblems() {
        Response shortPassword = post("/api/v1/auth/register", body("email", uniqueEmail("weak"),
                "password", "short", "displayName", "W", "role", "fan"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.code()).isEqualTo("password_too_short");

        Response common = post("/api/v1/auth/register", body("email", uniqueEmail("weak"),
                "password", "Password123", "displayName", "W", "role", "fan"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.code()).isEqualTo("password_too_common");

        Response invalid = post("/api/v1/auth/register", body("email", "not-an-email",
                "password", PASSWORD, "displayName", "", "role", "admin"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("validation_failed");
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .contains("email", "displayName", "role");

        Response garbage = post("/api/v1/auth/register", "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("malformed_request");
    }

    @Test
    void aPasswordOfTheFullHundredAndTwentyEightCharactersWorks() {
        String email = uniqueEmail("long");
        String longPassword = "ü".repeat(64) + "x".repeat(64);
        Response registered = post("/api/v1/auth/register",
                body("email", email, "password", longPassword, "displayName", "Long", "role", "fan"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(login(email, longPassword).accessToken()).isNotBlank();
        assertThat(post("/api/v1/auth/login", body("email", email, "password", longPassword + "y")).status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM identity.account WHERE email = ?", String.class,
                email)).startsWith("{argon2}$argon2id$");
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSame401() {
        Session fan = register("fan");
        Response wrongPassword = post("/api/v1/auth/login", body("email", fan.email(), "password", "wrong password!"));
        Response unknown = post("/api/v1/auth/login", body("email", uniqueEmail("nobody"), "password", PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
        assertThat(unknown.json().path("detail")).isEqualTo(wrongPassword.json().path("detail"));
    }

    @Test
    void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
        Session fan = register("fan");
        Session loggedIn = login(fan.email(), PASSWORD);

        Response rotated = post("/api/v1/auth/refresh", body("refreshToken", loggedIn.refreshToken()));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().path("refreshToken").asText();
        assertThat(second).isNotEqualTo(loggedIn.refreshToken());
        assertThat(get("/api/v1/auth/me", bearer(rotated.json().path("accessToken").asText())).status())
                .isEqualTo(200);

        Response reused = post("/api/v1/auth/refresh", body("refreshToken", loggedIn.refreshToken()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("refresh_token_reused");

        Response afterTheft = post("/api/v1/auth/refresh", body("refreshToken", second));
        assertThat(afterTheft.status()).isEqualTo(401);
        assertThat(afterTheft.code()).isEqualTo("refresh_token_revoked");

        // Another login (another family) is unaffected.
        assertThat(post("/api/v1/auth/refresh", body("refreshToken", fan.refreshToken())).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshTokenFamily() {
        Session fan = register("fan");
        Response rotated = post("/api/v1/auth/refresh", body("refreshToken", fan.refreshToken()));
        String current = rotated.json().path("refreshToken").asText();

        assertThat(post("/api/v1/auth/logout", body("refreshToken", current)).status()).isEqualTo(204);

        Response refused = post("/api/v1/auth/refresh", body("refreshToken", current));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("refresh_token_revoked");
    }

    @Test
    void requestsWithoutOrWithBadTokensGetProblem401s() {
        Response anonymous = get("/api/v1/auth/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

        Response garbage = get("/api/v1/auth/me", bearer("not.a.jwt"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.code()).isEqualTo("invalid_token");
    }

    @Test
    void anExpiredAccessTokenIsAnsweredWithTokenExpired() {
        Session fan = register("fan");
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        String expired = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("hyperx").subject(fan.id().toString()).issuedAt(past)
                        .expiresAt(past.plus(Duration.ofMinutes(15))).claim("role", "fan").build())).getTokenValue();

        Response response = get("/api/v1/auth/me", bearer(expired));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("token_expired");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Response health = get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(health.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(health.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(health.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() {
        Response allowed = send("OPTIONS", "/api/v1/auth/login", null, "Origin", "https://app.hyperx.test",
                "Access-Control-Request-Method", "POST");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.hyperx.test");

        Response other = send("OPTIONS", "/api/v1/auth/login", null, "Origin", "https://evil.test",
                "Access-Control-Request-Method", "POST");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
