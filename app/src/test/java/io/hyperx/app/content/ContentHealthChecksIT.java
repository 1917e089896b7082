package io.hyperx.app.content;

import io.hyperx.app.health.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entitlement checks of {@code health.schema_health_check} pass when entitlements and payments agree and catch
 * each disagreement (on a database of this test's own, migrated by Flyway, so the bad rows harm nobody).
 */
class ContentHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void aMembershipWhoseSubscriptionExpiredFails() {
        UUID sound = subscription("ACTIVE");
        membership(sound, "ACTIVE");
        UUID ended = subscription("EXPIRED");
        membership(ended, "EXPIRED");
        assertThat(failing()).isEmpty();

        UUID stale = subscription("EXPIRED");
        membership(stale, "ACTIVE");

        assertThat(failing()).containsExactly("content_entitlement_backed");
        assertThat(violations("content_entitlement_unbacked_violations")).containsExactly(stale.toString());
    }

    @Test
    void anUnlockWhosePaymentWasRefundedInFullFails() {
        UUID paid = payment("SUCCEEDED", 0);
        unlock(paid);
        assertThat(failing()).isEmpty();

        UUID refunded = payment("REFUNDED", 500);
        unlock(refunded);

        assertThat(failing()).containsExactly("content_entitlement_backed");
        assertThat(violations("content_entitlement_unbacked_violations")).containsExactly(refunded.toString());
    }

    @Test
    void anActiveSubscriptionWithoutItsEntitlementFails() {
        membership(subscription("ACTIVE"), "ACTIVE");
        assertThat(failing()).isEmpty();

        UUID forgotten = subscription("ACTIVE");

        assertThat(failing()).containsExactly("content_subscription_entitled");
        assertThat(violations("content_subscription_without_entitlement_violations"))
                .containsExactly(forgotten.toString());
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE context = 'content' AND NOT is_passing""", String.class);
    }

    private List<String> violations(String view) {
        return jdbc.queryForList("SELECT id FROM health." + view, String.class);
    }

    private UUID subscription(String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO subscription.subscription_view (id, fan_id, creator_id, tier_id, status, price_minor,
                    currency, billing_interval, current_period_end, cancel_at_period_end, started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 500, 'USD', 'MONTHLY', now() + interval '20 days', false,
                        now() - interval '10 days', now() - interval '10 minutes')""",
                id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status);
        return id;
    }

    private void membership(UUID subscription, String status) {
        jdbc.update("""
                INSERT INTO content.membership (subscription_id, fan_id, creator_id, tier_id, tier_rank, status,
                                                updated_at)
                VALUES (?, ?, ?, ?, 1, ?, now() - interval '10 minutes')""",
                subscription, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status);
    }

    private UUID payment(String status, long refundedMinor) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO subscription.payment_view (id, purpose, payer_id, creator_id, amount_minor, currency,
                                                       status, refunded_minor, initiated_at, updated_at)
                VALUES (?, 'PAY_PER_VIEW', ?, ?, 500, 'USD', ?, ?, now() - interval '1 hour', now())""",
                id, UUID.randomUUID(), UUID.randomUUID(), status, refundedMinor);
        return id;
    }

    private void unlock(UUID payment) {
        jdbc.update("""
                INSERT INTO content.unlock (payment_id, account_id, kind, item_id, creator_id, price_minor, currency,
                                            unlocked_at)
                VALUES (?, ?, 'POST', ?, ?, 500, 'USD', now() - interval '10 minutes')""",
                payment, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }
}
