-- One row per check: its name, its context, the view in schema health that returns its violating rows (id, detail)
-- and what it guarantees. Add a check: create its view in a context's R__health_* file and a row here.
DROP VIEW IF EXISTS health.schema_health_check;

CREATE OR REPLACE FUNCTION health.violating_ids(view_name text) RETURNS text[]
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    ids text[];
BEGIN
    EXECUTE format('SELECT coalesce(array_agg(id::text ORDER BY id::text), ''{}'') FROM health.%I', view_name) INTO ids;
    RETURN ids;
END;
$$;

CREATE VIEW health.schema_health_check AS
WITH checks (check_name, context, view_name, detail) AS (VALUES
    ('eventstore_append_only', 'eventstore', 'eventstore_append_only_violations',
     'the append-only triggers exist and are enabled on domain_event_entry'),
    ('eventstore_sequence_gaps', 'eventstore', 'eventstore_sequence_gap_violations',
     'every aggregate''s events are numbered 0..n-1 without gaps'),
    ('projection_lag', 'eventstore', 'projection_lag_violations',
     'no processing group is more than the configured events or seconds behind the head'),
    ('subscription_payment_settled_once', 'subscription', 'subscription_payment_settled_once_violations',
     'no payment succeeded more than once'),
    ('subscription_refunds_within_payment', 'subscription', 'subscription_refund_violations',
     'refunds of a payment never add up to more than the payment'),
    ('subscription_grace_sla', 'subscription', 'subscription_grace_sla_violations',
     'no subscription is still in grace more than 4 hours after its grace period ended'),
    ('subscription_payment_method', 'subscription', 'subscription_payment_method_violations',
     'every paid active subscription has a payment method to renew with'),
    ('subscription_webhook_effect', 'subscription', 'subscription_webhook_without_event_violations',
     'every processed webhook that settled a payment left the payment''s event'),
    ('subscription_payment_outcome_overdue', 'subscription', 'subscription_payment_outcome_overdue_violations',
     'no payment stays without an outcome longer than the configured timeout after it was initiated'),
    ('subscription_renewal_scheduled', 'subscription', 'subscription_renewal_scheduled_violations',
     'every active, trialing or paused subscription has its renewal in the due-date table'),
    ('subscription_trial_limit', 'subscription', 'subscription_trial_limit_violations',
     'no fan has started more free trials of one creator than allowed'),
    ('content_entitlement_backed', 'content', 'content_entitlement_unbacked_violations',
     'every entitlement has a granting subscription or a succeeded, unrefunded payment behind it'),
    ('content_subscription_entitled', 'content', 'content_subscription_without_entitlement_violations',
     'every active subscription has its entitlement'),
    ('identity_expired_sessions', 'identity', 'identity_expired_session_violations',
     'no refresh token stays active more than a day past its expiry'),
    ('economy_unbalanced_entries', 'economy', 'economy_unbalanced_entry_violations',
     'every journal entry has two or more postings and its debits equal its credits in each currency'),
    ('economy_wallet_drift', 'economy', 'economy_wallet_drift_violations',
     'every wallet row equals the sum of its creator''s postings'),
    ('economy_negative_available', 'economy', 'economy_negative_available_violations',
     'no creator''s available balance is negative: what a creator owes is in the receivable, repaid first'),
    ('economy_unledgered_payments', 'economy', 'economy_unledgered_payment_violations',
     'every payment that succeeded more than 5 minutes ago has its ledger entry'),
    ('economy_reserved_without_payout', 'economy', 'economy_reserved_without_payout_violations',
     'every reserved balance is the sum of the creator''s payouts in flight'),
    ('economy_stuck_payouts', 'economy', 'economy_stuck_payout_violations',
     'no payout has been processing for more than 24 hours'),
    ('economy_overdue_payout_retries', 'economy', 'economy_overdue_payout_retry_violations',
     'no failed payout waits more than an hour past its next attempt'),
    ('notification_dispatch_stalled', 'notification', 'notification_dispatch_stalled_violations',
     'no notification stays due for more than 15 minutes without a delivery attempt'),
    ('notification_past_horizon', 'notification', 'notification_past_horizon_violations',
     'no notification is still pending 15 minutes after its channel''s retry horizon'),
    ('notification_webhook_secrets_encrypted', 'notification', 'notification_webhook_plain_secret_violations',
     'every webhook endpoint secret is stored encrypted')
), results AS (
    SELECT checks.*, health.violating_ids(view_name) AS view_rows FROM checks
)
SELECT check_name::text,
       context::text,
       cardinality(view_rows) = 0          AS is_passing,
       cardinality(view_rows)::bigint      AS violation_count,
       view_rows[1:5]::text[]              AS sample_ids,
       detail::text
FROM results;
