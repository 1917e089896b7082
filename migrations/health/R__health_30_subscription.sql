-- Subscription context invariants, read from the event log and the due-date table.

-- Money moves once: no payment has more than one PaymentSucceeded.
CREATE OR REPLACE VIEW health.subscription_payment_settled_once_violations AS
SELECT aggregate_identifier AS id, count(*) || ' PaymentSucceeded events' AS detail
FROM domain_event_entry
WHERE payload_type = 'io.hyperx.subscription.api.PaymentSucceeded'
GROUP BY aggregate_identifier
HAVING count(*) > 1;

-- Refunds never exceed the payment.
CREATE OR REPLACE VIEW health.subscription_refund_violations AS
WITH gross AS (SELECT aggregate_identifier AS payment, (payload -> 'amount' ->> 'amountMinor')::bigint AS amount
               FROM domain_event_entry
               WHERE payload_type = 'io.hyperx.subscription.api.PaymentInitiated'),
     refunded AS (SELECT aggregate_identifier AS payment,
                         sum((payload -> 'amount' ->> 'amountMinor')::bigint) AS amount
                  FROM domain_event_entry
                  WHERE payload_type = 'io.hyperx.subscription.api.PaymentRefunded'
                  GROUP BY aggregate_identifier)
SELECT r.payment AS id, 'refunded ' || r.amount || ' of ' || coalesce(g.amount::text, 'an unknown payment') AS detail
FROM refunded r LEFT JOIN gross g USING (payment)
WHERE g.amount IS NULL OR r.amount > g.amount;

-- Durable time: every subscription inside a running period has its renewal waiting in the due-date table
-- (checked once the view has been quiet for five minutes, so in-flight scheduling is no violation; after the
-- period end the renewal is in flight and the next job follows its payment).
CREATE OR REPLACE VIEW health.subscription_renewal_scheduled_violations AS
SELECT s.id::text AS id, s.status || ' until ' || s.current_period_end || ' without a pending renewal' AS detail
FROM subscription.subscription_view s
WHERE s.status IN ('ACTIVE', 'TRIALING', 'PAUSED')
  AND s.current_period_end > now()
  AND s.updated_at < now() - interval '5 minutes'
  AND NOT EXISTS (SELECT 1 FROM subscription.scheduled_job j
                  WHERE j.subscription_id = s.id AND j.kind = 'RENEW' AND j.done_at IS NULL);

-- Every payment hears its outcome: none is still without PaymentSucceeded or PaymentFailed longer than
-- subscription.health_settings.outcome_timeout_seconds (HYPERX_STRIPE_OUTCOME_TIMEOUT) after it was initiated.
CREATE OR REPLACE VIEW health.subscription_payment_outcome_overdue_violations AS
SELECT i.aggregate_identifier AS id,
       'initiated at ' || i.time_stamp || ', still without an outcome' AS detail
FROM domain_event_entry i
WHERE i.payload_type = 'io.hyperx.subscription.api.PaymentInitiated'
  AND i.time_stamp::timestamptz < now() - make_interval(secs => (SELECT outcome_timeout_seconds
                                                                  FROM subscription.health_settings))
  AND NOT EXISTS (SELECT 1 FROM domain_event_entry o
                  WHERE o.aggregate_identifier = i.aggregate_identifier
                    AND o.payload_type IN ('io.hyperx.subscription.api.PaymentSucceeded',
                                           'io.hyperx.subscription.api.PaymentFailed'));
