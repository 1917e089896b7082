-- Stripe events worked off with retries, one table per purpose, the same columns (StripeEventQueue):
--  simulator_webhook: the offline simulator's outbox, written in the transaction that creates the payment intent
--    (or reports the refund or dispute) and delivered to the webhook endpoint until acknowledged or given up;
--  parked_webhook_event: authentic events that named a payment not known yet, acknowledged to Stripe, applied once
--    the payment is known or expired after the horizon.
CREATE TABLE subscription.simulator_webhook (
    event_id        VARCHAR(255) PRIMARY KEY,
    event_type      VARCHAR(100) NOT NULL,
    payment_id      UUID,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- while pending: when it is due, or the end of the lease of the node working on it; NULL once finished
    next_attempt_at TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    outcome         VARCHAR(16)  CHECK (outcome IN ('DELIVERED', 'GAVE_UP')),
    last_error      TEXT,
    CHECK ((next_attempt_at IS NULL) = (outcome IS NOT NULL))
);
CREATE INDEX simulator_webhook_due ON subscription.simulator_webhook (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
CREATE INDEX simulator_webhook_payment ON subscription.simulator_webhook (payment_id);

CREATE TABLE subscription.parked_webhook_event (
    event_id        VARCHAR(255) PRIMARY KEY,
    event_type      VARCHAR(100) NOT NULL,
    payment_id      UUID,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    outcome         VARCHAR(16)  CHECK (outcome IN ('APPLIED', 'EXPIRED')),
    last_error      TEXT,
    CHECK ((next_attempt_at IS NULL) = (outcome IS NOT NULL))
);
CREATE INDEX parked_webhook_event_due ON subscription.parked_webhook_event (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;

-- Thresholds the health views read; the app writes them at start from its configuration
-- (hyperx.stripe.outcome-timeout).
CREATE TABLE subscription.health_settings (
    only_row                BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    outcome_timeout_seconds BIGINT  NOT NULL
);
INSERT INTO subscription.health_settings (outcome_timeout_seconds) VALUES (600);

-- The outcome sweep's question every minute: payments still initiated, oldest first.
CREATE INDEX payment_view_awaiting_outcome ON subscription.payment_view (initiated_at) WHERE status = 'INITIATED';
