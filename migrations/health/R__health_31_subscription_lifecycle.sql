-- Subscription lifecycle invariants read from the subscription view and the event log.

-- Grace-period SLA: a subscription whose grace period ended more than 4 hours ago must have expired or recovered.
CREATE OR REPLACE VIEW health.subscription_grace_sla_violations AS
SELECT s.id::text AS id, 'grace period ended at ' || s.grace_ends_at || ', still ' || s.status AS detail
FROM subscription.subscription_view s
WHERE s.status = 'GRACE_PERIOD'
  AND s.grace_ends_at < now() - interval '4 hours';

-- A paid, active subscription renews off-session: it needs a payment method (its latest one, from the events).
CREATE OR REPLACE VIEW health.subscription_payment_method_violations AS
WITH latest_method AS (
    SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier AS id, payload ->> 'paymentMethodId' AS method
    FROM domain_event_entry
    WHERE payload_type IN ('io.hyperx.subscription.api.SubscriptionStarted',
                           'io.hyperx.subscription.api.SubscriptionPaymentMethodChanged')
    ORDER BY aggregate_identifier, sequence_number DESC)
SELECT s.id::text AS id, 'active at ' || s.price_minor || ' ' || s.currency || ' without a payment method' AS detail
FROM subscription.subscription_view s
LEFT JOIN latest_method m ON m.id = s.id::text
WHERE s.status = 'ACTIVE'
  AND s.price_minor > 0
  AND coalesce(m.method, '') = '';
