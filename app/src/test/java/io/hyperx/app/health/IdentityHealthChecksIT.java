package io.hyperx.app.health;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The session check passes while expired refresh tokens are revoked and catches one left active. */
class IdentityHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void aRefreshTokenActiveLongPastItsExpiryFails() {
        UUID account = account();
        refreshToken(account, "now() + interval '20 days'", null);
        refreshToken(account, "now() - interval '3 days'", "now() - interval '2 days'");
        assertThat(failing()).isEmpty();

        refreshToken(account, "now() - interval '3 days'", null);

        assertThat(failing()).containsExactly("identity_expired_sessions");
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE context = 'identity' AND NOT is_passing""", String.class);
    }

    private UUID account() {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO identity.account (account_id, role, status, created_at) "
                + "VALUES (?, 'fan', 'active', now())", id);
        return id;
    }

    private void refreshToken(UUID account, String expiresAt, String revokedAt) {
        jdbc.update("INSERT INTO identity.refresh_token (token_hash, family_id, account_id, issued_at, expires_at, "
                + "revoked_at) VALUES (?, ?, ?, now() - interval '30 days', " + expiresAt + ", " + revokedAt + ")",
                UUID.randomUUID().toString().getBytes(), UUID.randomUUID(), account);
    }
}
