-- Findings of POST /api/v1/ops/reconcile/subscriptions: subscriptions whose state disagrees with their payments or
-- their due-date jobs. Operations bookkeeping, not a projection: a finding stays open until a run no longer sees it.
CREATE TABLE subscription.reconciliation_finding (
    subscription_id UUID        NOT NULL,
    finding         VARCHAR(40) NOT NULL,
    detail          TEXT        NOT NULL,
    first_found_at  TIMESTAMPTZ NOT NULL,
    last_found_at   TIMESTAMPTZ NOT NULL,
    resolved_at     TIMESTAMPTZ,
    PRIMARY KEY (subscription_id, finding)
);
