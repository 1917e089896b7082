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

-- A processed webhook that settled a payment must have left its event: PaymentSucceeded for a success report,
-- PaymentFailed (or a success, which wins) for a failure report; five minutes of room for in-flight work.
CREATE OR REPLACE VIEW health.subscription_webhook_without_event_violations AS
SELECT w.provider_event_id AS id,
       w.event_type || ' for payment ' || w.payment_id || ' left no payment event' AS detail
FROM subscription.processed_webhook_event w
WHERE w.payment_id IS NOT NULL
  AND w.received_at < now() - interval '5 minutes'
  AND NOT EXISTS (
      SELECT 1 FROM domain_event_entry e
      WHERE e.aggregate_identifier = w.payment_id::text
        AND (e.payload_type = 'io.hyperx.subscription.api.PaymentSucceeded'
             OR (w.event_type LIKE '%failed' AND e.payload_type = 'io.hyperx.subscription.api.PaymentFailed')));

-- A free trial is a first-time offer: no fan has started more trials of one creator's tiers than allowed
-- (hyperx.subscription.trials-per-creator, written at start into subscription.health_settings).
CREATE OR REPLACE VIEW health.subscription_trial_limit_violations AS
SELECT (payload ->> 'fanId') || ' of ' || (payload ->> 'creatorId') AS id,
       count(*) || ' trials, ' || (SELECT trials_per_creator FROM subscription.health_settings) || ' allowed' AS detail
FROM domain_event_entry
WHERE payload_type = 'io.hyperx.subscription.api.SubscriptionTrialStarted'
GROUP BY payload ->> 'fanId', payload ->> 'creatorId'
HAVING count(*) > (SELECT trials_per_creator FROM subscription.health_settings);
