package io.hyperx.app.health;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The payout checks pass while reserved money matches payouts in flight and catch each disagreement. */
class PayoutHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void reservedMoneyWithoutAPayoutInFlightFails() {
        UUID sound = UUID.randomUUID();
        wallet(sound, 2_000);
        payout(sound, 2_000, "REQUESTED", "1 hour");
        payout(sound, 9_000, "COMPLETED", "2 days");
        UUID retrying = UUID.randomUUID();
        wallet(retrying, 700);
        payout(retrying, 700, "RETRYING", "2 hours");
        assertThat(failing()).isEmpty();

        UUID orphaned = UUID.randomUUID();
        wallet(orphaned, 1_500);

        assertThat(failing()).containsExactly("economy_reserved_without_payout");
    }

    @Test
    void aPayoutProcessingForMoreThanADayFails() {
        UUID creator = UUID.randomUUID();
        wallet(creator, 3_000);
        payout(creator, 3_000, "REQUESTED", "25 hours");

        assertThat(failing()).containsExactly("economy_stuck_payouts");
    }

    @Test
    void aRetryWaitingLongPastItsTimeFails() {
        UUID creator = UUID.randomUUID();
        wallet(creator, 3_000);
        UUID payout = payout(creator, 3_000, "RETRYING", "3 hours");
        jdbc.update("UPDATE economy.payout SET failed_attempts = 1, next_attempt_at = now() + interval '10 minutes'"
                + " WHERE payout_id = ?", payout);
        assertThat(failing()).isEmpty();

        jdbc.update("UPDATE economy.payout SET next_attempt_at = now() - interval '61 minutes' WHERE payout_id = ?",
                payout);

        assertThat(failing()).containsExactly("economy_overdue_payout_retries");
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE check_name IN ('economy_reserved_without_payout', 'economy_stuck_payouts',
                                     'economy_overdue_payout_retries') AND NOT is_passing""",
                String.class);
    }

    private void wallet(UUID creator, long reservedMinor) {
        jdbc.update("""
                INSERT INTO economy.wallet (creator_id, currency, reserved_minor, updated_at)
                VALUES (?, 'USD', ?, now() - interval '10 minutes')""", creator, reservedMinor);
    }

    private UUID payout(UUID creator, long amountMinor, String status, String age) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO economy.payout (payout_id, creator_id, currency, amount_minor, fee_minor, status,
                                            requested_at)
                VALUES (?, ?, 'USD', ?, 0, ?, now() - CAST(? AS interval))""",
                id, creator, amountMinor, status, age);
        return id;
    }
}
