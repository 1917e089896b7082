-- Economy invariants: balanced journal entries, wallets equal to their postings, available never negative (what a
-- creator owes is in the receivable, repaid before anything becomes available again), every succeeded payment in
-- the ledger within economy.health_settings.unledgered_grace_seconds (5 minutes).
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
           sum(CASE WHEN account = 'creator:' || creator_id || ':reserved' THEN amount ELSE 0 END) AS reserved,
           -sum(CASE WHEN account = 'creator:' || creator_id || ':receivable' THEN amount ELSE 0 END) AS receivable
    FROM signed GROUP BY creator_id, currency)
SELECT (coalesce(w.creator_id, b.creator_id) || '/' || coalesce(w.currency, b.currency))::text AS id,
       'wallet (available, pending, reserved, receivable) = (' || coalesce(w.available_minor::text, '-') || ', '
           || coalesce(w.pending_minor::text, '-') || ', ' || coalesce(w.reserved_minor::text, '-') || ', '
           || coalesce(w.receivable_minor::text, '-')
           || ') but postings sum to (' || coalesce(b.available::text, '-') || ', ' || coalesce(b.pending::text, '-')
           || ', ' || coalesce(b.reserved::text, '-') || ', ' || coalesce(b.receivable::text, '-') || ')' AS detail
FROM economy.wallet w
FULL JOIN balances b ON b.creator_id = w.creator_id AND b.currency = w.currency
WHERE (w.available_minor, w.pending_minor, w.reserved_minor, w.receivable_minor)
      IS DISTINCT FROM (b.available, b.pending, b.reserved, b.receivable);

-- Available is never negative: a refund beyond it is owed through the receivable instead. The receivable is never
-- negative (repaid beyond the debt) and is repaid before anything becomes available, so the two are never both
-- positive. Any row here is a real breach, not an ordinary late refund.
CREATE OR REPLACE VIEW health.economy_negative_available_violations AS
SELECT (creator_id || '/' || currency)::text AS id,
       CASE WHEN available_minor < 0 THEN 'available balance is ' || available_minor || ' ' || currency
            WHEN receivable_minor < 0 THEN 'receivable is ' || receivable_minor || ' ' || currency
            ELSE available_minor || ' ' || currency || ' available while ' || receivable_minor || ' is owed'
       END AS detail
FROM economy.wallet
WHERE available_minor < 0 OR receivable_minor < 0 OR (available_minor > 0 AND receivable_minor > 0);

CREATE OR REPLACE VIEW health.economy_unledgered_payment_violations AS
SELECT e.payload -> 'paymentId' ->> 'value' AS id,
       'payment succeeded at ' || e.time_stamp || ' but has no ledger entry' AS detail
FROM domain_event_entry e
WHERE e.payload_type = 'io.hyperx.subscription.api.PaymentSucceeded'
  AND e.time_stamp::timestamptz < now() - make_interval(secs => (SELECT unledgered_grace_seconds
                                                                  FROM economy.health_settings))
  AND NOT EXISTS (SELECT 1 FROM economy.journal_entry j
                  WHERE j.kind = 'payment' AND j.payment_id::text = e.payload -> 'paymentId' ->> 'value');
