package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured limits (register 3/hour per IP, login 5 per 5 minutes per IP and e-mail) answer 429 with Retry-After. */
class RateLimitIT extends IdentityHttpSupport {

    @Test
    void theFourthRegistrationFromOneAddressWithinAnHourIsRefused() {
        String ip = randomIp();
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/auth/register", body("email", uniqueEmail("burst"), "password", PASSWORD,
                    "displayName", "B", "role", "fan"), "X-Forwarded-For", ip).status()).isEqualTo(201);
        }
        Response refused = post("/api/v1/auth/register", body("email", uniqueEmail("burst"), "password", PASSWORD,
                "displayName", "B", "role", "fan"), "X-Forwarded-For", ip);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);

        assertThat(post("/api/v1/auth/register", body("email", uniqueEmail("burst"), "password", PASSWORD,
                "displayName", "B", "role", "fan"), "X-Forwarded-For", randomIp()).status()).isEqualTo(201);
    }

    @Test
    void theSixthLoginForOneAddressAndEmailWithinFiveMinutesIsRefused() {
        Session fan = register("fan");
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", body("email", fan.email(), "password", "wrong password " + i),
                    "X-Forwarded-For", ip).status()).isEqualTo(401);
        }
        Response refused = post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD),
                "X-Forwarded-For", ip);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);

        // Another e-mail from the same address, and the same e-mail from another address, still pass.
        assertThat(post("/api/v1/auth/login", body("email", uniqueEmail("x"), "password", PASSWORD),
                "X-Forwarded-For", ip).status()).isEqualTo(401);
        assertThat(post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD),
                "X-Forwarded-For", randomIp()).status()).isEqualTo(200);
    }
}
