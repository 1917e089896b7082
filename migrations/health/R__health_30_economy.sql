-- Economy invariants: balanced journal entries, wallets equal to their postings, no negative available balance,
-- every succeeded payment in the ledger within economy.health_settings.unledgered_grace_seconds (5 minutes).
CREATE OR REPLACE VIEW health.economy_unbalanced_entry_violations AS
SELECT entry_id::text AS id,
       'journal entry has debits ' || sum(CASE WHEN side = 'DEBIT' THEN amount_minor ELSE 0 END) || ' and credits '
           || sum(CASE WHEN side = 'CREDIT' THEN amount_minor ELSE 0 END) || ' in ' || currency AS detail
FROM economy.posting
GROUP BY entry_id, currency
HAVING sum(CASE WHEN side = 'DEBIT' THEN amount_minor ELSE -amount_minor END) <> 0
UNION ALL
SELECT e.entry_id::text, 'journal entry has fewer than two postings'
FROM economy.journal_entry e
WHERE (SELECT count(*) FROM economy.posting p WHERE p.entry_id = e.entry_id) < 2;

CREATE OR REPLACE VIEW health.economy_wallet_drift_violations AS
WITH signed AS (
    SELECT creator_id, currency, account, CASE WHEN side = 'CREDIT' THEN amount_minor ELSE -amount_minor END AS amount
    FROM economy.posting WHERE account LIKE 'creator:%'),
balances AS (
    SELECT creator_id, currency,
           sum(CASE WHEN account = 'creator:' || creator_id || ':available' THEN amount ELSE 0 END) AS available,
           sum(CASE WHEN account = 'creator:' || creator_id || ':pending' THEN amount ELSE 0 END) AS pending,
           sum(CASE WHEN account = 'creator:' || creator_id || ':reserved' THEN amount ELSE 0 END) AS reserved
    FROM signed GROUP BY creator_id, currency)
SELECT (coalesce(w.creator_id, b.creator_id) || '/' || coalesce(w.currency, b.currency))::text AS id,
       'wallet (available, pending, reserved) = (' || coalesce(w.available_minor::text, '-') || ', '
           || coalesce(w.pending_minor::text, '-') || ', ' || coalesce(w.reserved_minor::text, '-')
           || ') but postings sum to (' || coalesce(b.available::text, '-') || ', ' || coalesce(b.pending::text, '-')
           || ', ' || coalesce(b.reserved::text, '-') || ')' AS detail
FROM economy.wallet w
FULL JOIN balances b ON b.creator_id = w.creator_id AND b.currency = w.currency
WHERE (w.available_minor, w.pending_minor, w.reserved_minor) IS DISTINCT FROM (b.available, b.pending, b.reserved);

CREATE OR REPLACE VIEW health.economy_negative_available_violations AS
SELECT (creator_id || '/' || currency)::text AS id,
       'available balance is ' || available_minor || ' ' || currency AS detail
FROM economy.wallet
WHERE available_minor < 0;

CREATE OR REPLACE VIEW health.economy_unledgered_payment_violations AS
SELECT e.payload -> 'paymentId' ->> 'value' AS id,
       'payment succeeded at ' || e.time_stamp || ' but has no ledger entry' AS detail
FROM domain_event_entry e
WHERE e.payload_type = 'io.hyperx.subscription.api.PaymentSucceeded'
  AND e.time_stamp::timestamptz < now() - make_interval(secs => (SELECT unledgered_grace_seconds
                                                                  FROM economy.health_settings))
  AND NOT EXISTS (SELECT 1 FROM economy.journal_entry j
                  WHERE j.kind = 'payment' AND j.payment_id::text = e.payload -> 'paymentId' ->> 'value');
