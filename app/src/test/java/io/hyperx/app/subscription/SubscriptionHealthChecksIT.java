package io.hyperx.app.subscription;

import io.hyperx.app.health.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription invariant checks of {@code health.schema_health_check} pass on sound data and catch each
 * violation (on a database of this test's own, migrated by Flyway, so the bad rows harm nobody).
 */
class SubscriptionHealthChecksIT {

    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
    }

    @Test
    void soundPaymentsPassAndAPaymentSettledTwiceOrOverRefundedFails() {
        String sound = UUID.randomUUID().toString();
        event(sound, 0, "PaymentInitiated", 1000);
        event(sound, 1, "PaymentSucceeded", 1000);
        event(sound, 2, "PaymentRefunded", 400);
        event(sound, 3, "PaymentRefunded", 600);
        assertThat(failing()).isEmpty();

        String twice = UUID.randomUUID().toString();
        event(twice, 0, "PaymentInitiated", 500);
        event(twice, 1, "PaymentSucceeded", 500);
        event(twice, 2, "PaymentSucceeded", 500);
        String overRefunded = UUID.randomUUID().toString();
        event(overRefunded, 0, "PaymentInitiated", 500);
        event(overRefunded, 1, "PaymentSucceeded", 500);
        event(overRefunded, 2, "PaymentRefunded", 501);

        assertThat(failing()).containsExactlyInAnyOrder("subscription_payment_settled_once",
                "subscription_refunds_within_payment");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_payment_settled_once_violations",
                String.class)).containsExactly(twice);
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_refund_violations", String.class))
                .containsExactly(overRefunded);
    }

    @Test
    void anActiveSubscriptionWithoutAPendingRenewalFails() {
        UUID scheduled = subscription("ACTIVE");
        jdbc.update("""
                INSERT INTO subscription.scheduled_job (job_id, kind, subscription_id, due_at, payload)
                VALUES (?, 'RENEW', ?, now() + interval '20 days', '{}')""", UUID.randomUUID(), scheduled);
        subscription("EXPIRED");
        assertThat(failing()).isEmpty();

        UUID forgotten = subscription("ACTIVE");

        assertThat(failing()).containsExactly("subscription_renewal_scheduled");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_renewal_scheduled_violations",
                String.class)).containsExactly(forgotten.toString());
    }

    @Test
    void aSubscriptionStillInGraceFourHoursAfterItEndedFails() {
        UUID recent = subscription("GRACE_PERIOD");
        jdbc.update("UPDATE subscription.subscription_view SET grace_ends_at = now() - interval '3 hours' WHERE id = ?",
                recent);
        assertThat(failing()).isEmpty();

        UUID overdue = subscription("GRACE_PERIOD");
        jdbc.update("UPDATE subscription.subscription_view SET grace_ends_at = now() - interval '5 hours' WHERE id = ?",
                overdue);

        assertThat(failing()).containsExactly("subscription_grace_sla");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_grace_sla_violations", String.class))
                .containsExactly(overdue.toString());
    }

    @Test
    void aPaidActiveSubscriptionWithoutAPaymentMethodFails() {
        UUID changed = scheduled(subscription("ACTIVE"));
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                VALUES (?, ?, 1, 'Subscription', now()::text,
                        'io.hyperx.subscription.api.SubscriptionPaymentMethodChanged',
                        '{"paymentMethodId": "pm_card_mastercard"}', '{}')""",
                UUID.randomUUID().toString(), changed.toString());
        assertThat(failing()).isEmpty();

        UUID withoutMethod = scheduled(subscription("ACTIVE", null));

        assertThat(failing()).containsExactly("subscription_payment_method");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_payment_method_violations", String.class))
                .containsExactly(withoutMethod.toString());
    }

    @Test
    void aProcessedWebhookWhoseSuccessLeftNoEventFails() {
        String settled = UUID.randomUUID().toString();
        event(settled, 0, "PaymentInitiated", 700);
        event(settled, 1, "PaymentSucceeded", 700);
        webhook("evt_settled", "payment_intent.succeeded", settled);
        assertThat(failing()).isEmpty();

        webhook("evt_lost", "payment_intent.succeeded", UUID.randomUUID().toString());

        assertThat(failing()).containsExactly("subscription_webhook_effect");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_webhook_without_event_violations",
                String.class)).containsExactly("evt_lost");
    }

    @Test
    void aPaymentStillWithoutAnOutcomeLongerThanTheTimeoutAfterItBeganFails() {
        String succeeded = UUID.randomUUID().toString();
        eventAgo(succeeded, 0, "PaymentInitiated", 20);
        eventAgo(succeeded, 1, "PaymentSucceeded", 19);
        String failed = UUID.randomUUID().toString();
        eventAgo(failed, 0, "PaymentInitiated", 20);
        eventAgo(failed, 1, "PaymentFailed", 19);
        String young = UUID.randomUUID().toString();
        eventAgo(young, 0, "PaymentInitiated", 9);
        assertThat(failing()).isEmpty();

        String stuck = UUID.randomUUID().toString();
        eventAgo(stuck, 0, "PaymentInitiated", 11);

        assertThat(failing()).containsExactly("subscription_payment_outcome_overdue");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_payment_outcome_overdue_violations",
                String.class)).containsExactly(stuck);

        // the threshold is the configured timeout (HYPERX_STRIPE_OUTCOME_TIMEOUT), written by the app at start
        jdbc.update("UPDATE subscription.health_settings SET outcome_timeout_seconds = 8 * 60");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_payment_outcome_overdue_violations",
                String.class)).containsExactlyInAnyOrder(stuck, young);
    }

    private void eventAgo(String aggregate, long sequence, String type, int minutesAgo) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                VALUES (?, ?, ?, 'Payment', (now() - make_interval(mins => ?))::text, ?,
                        '{"amount": {"amountMinor": 500, "currency": "USD"}}', '{}')""",
                UUID.randomUUID().toString(), aggregate, sequence, minutesAgo, "io.hyperx.subscription.api." + type);
    }

    @Test
    void aFanWithMoreTrialsOfOneCreatorThanAllowedFails() {
        UUID fan = UUID.randomUUID();
        UUID creator = UUID.randomUUID();
        trialStarted(fan, creator);
        trialStarted(fan, UUID.randomUUID());
        trialStarted(UUID.randomUUID(), creator);
        assertThat(failing()).isEmpty();

        trialStarted(fan, creator);

        assertThat(failing()).containsExactly("subscription_trial_limit");
        assertThat(jdbc.queryForList("SELECT id FROM health.subscription_trial_limit_violations", String.class))
                .containsExactly(fan + " of " + creator);
        jdbc.update("UPDATE subscription.health_settings SET trials_per_creator = 2");
        assertThat(failing()).isEmpty();
    }

    private void trialStarted(UUID fan, UUID creator) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                VALUES (?, ?, 0, 'Subscription', now()::text, 'io.hyperx.subscription.api.SubscriptionTrialStarted',
                        jsonb_build_object('fanId', CAST(? AS text), 'creatorId', CAST(? AS text)), '{}')""",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), fan.toString(), creator.toString());
    }

    private void webhook(String eventId, String type, String payment) {
        jdbc.update("""
                INSERT INTO subscription.processed_webhook_event (provider_event_id, event_type, received_at, payment_id)
                VALUES (?, ?, now() - interval '10 minutes', CAST(? AS uuid))""", eventId, type, payment);
    }

    private UUID scheduled(UUID subscription) {
        jdbc.update("""
                INSERT INTO subscription.scheduled_job (job_id, kind, subscription_id, due_at, payload)
                VALUES (?, 'RENEW', ?, now() + interval '20 days', '{}')""", UUID.randomUUID(), subscription);
        return subscription;
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE context = 'subscription' AND NOT is_passing""", String.class);
    }

    private void event(String aggregate, long sequence, String type, long amountMinor) {
        String field = type.equals("PaymentSucceeded") ? "gross" : "amount";
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                VALUES (?, ?, ?, 'Payment', now()::text, ?, CAST(? AS jsonb), '{}')""",
                UUID.randomUUID().toString(), aggregate, sequence, "io.hyperx.subscription.api." + type,
                "{\"" + field + "\": {\"amountMinor\": " + amountMinor + ", \"currency\": \"USD\"}}");
    }

    private UUID subscription(String status) {
        return subscription(status, "pm_card_visa");
    }

    private UUID subscription(String status, String paymentMethodId) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload, meta_data)
                VALUES (?, ?, 0, 'Subscription', now()::text, 'io.hyperx.subscription.api.SubscriptionStarted',
                        jsonb_build_object('paymentMethodId', CAST(? AS text)), '{}')""",
                UUID.randomUUID().toString(), id.toString(), paymentMethodId);
        jdbc.update("""
                INSERT INTO subscription.subscription_view (id, fan_id, creator_id, tier_id, status, price_minor,
                    currency, billing_interval, current_period_end, cancel_at_period_end, started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 500, 'USD', 'MONTHLY', now() + interval '20 days', false,
                        now() - interval '10 days', now() - interval '10 minutes')""",
                id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status);
        return id;
    }
}
