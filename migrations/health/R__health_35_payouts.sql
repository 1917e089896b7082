-- Payout invariants: money in reserved belongs to a payout in flight (requested or retrying), no payout stays in flight
-- for a day, and no retry is left waiting long past its time.

-- Reserved balances with no payout in flight: the wallet's reserved amount equals the sum of its requested payouts.
CREATE OR REPLACE VIEW health.economy_reserved_without_payout_violations AS
SELECT (w.creator_id || '/' || w.currency)::text AS id,
       'reserved ' || w.reserved_minor || ' but payouts in flight sum to ' || coalesce(p.in_flight, 0) AS detail
FROM economy.wallet w
LEFT JOIN (SELECT creator_id, currency, sum(amount_minor) AS in_flight
           FROM economy.payout WHERE status IN ('REQUESTED', 'RETRYING')
           GROUP BY creator_id, currency) p ON p.creator_id = w.creator_id AND p.currency = w.currency
WHERE w.reserved_minor <> coalesce(p.in_flight, 0)
  AND w.updated_at < now() - interval '5 minutes';

-- Payouts processing for more than 24 hours.
CREATE OR REPLACE VIEW health.economy_stuck_payout_violations AS
SELECT payout_id::text AS id, 'requested at ' || requested_at || ', still ' || status AS detail
FROM economy.payout
WHERE status IN ('REQUESTED', 'RETRYING')
  AND requested_at < now() - interval '24 hours';

-- Payouts whose next attempt was due more than an hour ago: the sweeper is not running, or the job is lost.
CREATE OR REPLACE VIEW health.economy_overdue_payout_retry_violations AS
SELECT payout_id::text AS id,
       'attempt ' || (failed_attempts + 1) || ' was due at ' || next_attempt_at AS detail
FROM economy.payout
WHERE status = 'RETRYING'
  AND next_attempt_at < now() - interval '1 hour';
