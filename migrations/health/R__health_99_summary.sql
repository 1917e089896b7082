-- One row per check. Add a check: create its view in a context's R__health_* file and a row here.
DROP VIEW IF EXISTS health.schema_health_check;
CREATE OR REPLACE VIEW health.schema_health_check AS
WITH checks (check_name, context, view_rows, detail) AS (
    SELECT 'eventstore_append_only', 'eventstore',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.eventstore_append_only_violations),
           'the append-only triggers exist and are enabled on domain_event_entry'
    UNION ALL
    SELECT 'eventstore_sequence_gaps', 'eventstore',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.eventstore_sequence_gap_violations),
           'every aggregate''s events are numbered 0..n-1 without gaps'
    UNION ALL
    SELECT 'projection_lag', 'eventstore',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.projection_lag_violations),
           'no processing group is more than the configured events or seconds behind the head'
    UNION ALL
    SELECT 'subscription_payment_settled_once', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_payment_settled_once_violations),
           'no payment succeeded more than once'
    UNION ALL
    SELECT 'subscription_refunds_within_payment', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_refund_violations),
           'refunds of a payment never add up to more than the payment'
    UNION ALL
    SELECT 'subscription_grace_sla', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_grace_sla_violations),
           'no subscription is still in grace more than 4 hours after its grace period ended'
    UNION ALL
    SELECT 'subscription_payment_method', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_payment_method_violations),
           'every paid active subscription has a payment method to renew with'
    UNION ALL
    SELECT 'subscription_webhook_effect', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_webhook_without_event_violations),
           'every processed webhook that settled a payment left the payment''s event'
    UNION ALL
    SELECT 'subscription_renewal_scheduled', 'subscription',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.subscription_renewal_scheduled_violations),
           'every active, trialing or paused subscription has its renewal in the due-date table'
    UNION ALL
    SELECT 'content_entitlement_backed', 'content',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.content_entitlement_unbacked_violations),
           'every entitlement has a granting subscription or a succeeded, unrefunded payment behind it'
    UNION ALL
    SELECT 'content_subscription_entitled', 'content',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}')
            FROM health.content_subscription_without_entitlement_violations),
           'every active subscription has its entitlement'
    UNION ALL
    SELECT 'identity_expired_sessions', 'identity',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.identity_expired_session_violations),
           'no refresh token stays active more than a day past its expiry'
    UNION ALL
    SELECT 'economy_unbalanced_entries', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_unbalanced_entry_violations),
           'every journal entry has two or more postings and its debits equal its credits in each currency'
    UNION ALL
    SELECT 'economy_wallet_drift', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_wallet_drift_violations),
           'every wallet row equals the sum of its creator''s postings'
    UNION ALL
    SELECT 'economy_negative_available', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_negative_available_violations),
           'no creator''s available balance is negative'
    UNION ALL
    SELECT 'economy_unledgered_payments', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_unledgered_payment_violations),
           'every payment that succeeded more than 5 minutes ago has its ledger entry'
    UNION ALL
    SELECT 'economy_reserved_without_payout', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_reserved_without_payout_violations),
           'every reserved balance is the sum of the creator''s payouts in flight'
    UNION ALL
    SELECT 'economy_stuck_payouts', 'economy',
           (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM health.economy_stuck_payout_violations),
           'no payout has been processing for more than 24 hours'
)
SELECT check_name::text,
       context::text,
       cardinality(view_rows) = 0          AS is_passing,
       cardinality(view_rows)::bigint      AS violation_count,
       view_rows[1:5]::text[]              AS sample_ids,
       detail::text
FROM checks;
