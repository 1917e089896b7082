package io.hyperx.economy;

import io.hyperx.app.health.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code economy_negative_available}: money owed through the receivable passes, a real breach fails (on a database of
 * this test's own, migrated by Flyway, so the bad rows harm nobody).
 */
class EconomyHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void owingThroughTheReceivablePassesAndNegativeAvailableOrAvailableWhileOwingFails() {
        wallet(0, 9_080);
        wallet(4_525, 0);
        assertThat(jdbc.queryForList("SELECT id FROM health.economy_negative_available_violations", String.class))
                .isEmpty();

        UUID negative = wallet(-500, 0);
        UUID overRepaid = wallet(0, -1);
        UUID availableWhileOwing = wallet(100, 200);

        assertThat(jdbc.queryForList("SELECT id FROM health.economy_negative_available_violations", String.class))
                .containsExactlyInAnyOrder(negative + "/USD", overRepaid + "/USD", availableWhileOwing + "/USD");
        assertThat(jdbc.queryForObject("""
                SELECT is_passing FROM health.schema_health_check WHERE check_name = 'economy_negative_available'""",
                Boolean.class)).isFalse();
    }

    private UUID wallet(long available, long receivable) {
        UUID creator = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO economy.wallet (creator_id, currency, available_minor, receivable_minor, updated_at)
                VALUES (?, 'USD', ?, ?, now())""", creator, available, receivable);
        return creator;
    }
}
