-- The notification outbox: every message to deliver, once per idempotency key (source event + channel + recipient).
CREATE SCHEMA IF NOT EXISTS notification;

CREATE TABLE notification.outbox (
    id              UUID        PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    channel         VARCHAR(16) NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'IN_APP')),
    recipient       TEXT        NOT NULL,
    category        VARCHAR(64) NOT NULL,
    template        VARCHAR(64) NOT NULL,
    data            JSONB       NOT NULL DEFAULT '{}'::jsonb,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'SENT', 'GAVE_UP', 'SUPPRESSED')),
    attempts        INT         NOT NULL DEFAULT 0,
    -- when PENDING: due time, or the end of the lease of the dispatcher sending it
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX outbox_due ON notification.outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_recipient ON notification.outbox (recipient, created_at);

-- Every send attempt, with the remote answer.
CREATE TABLE notification.delivery_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    outbox_id    UUID        NOT NULL REFERENCES notification.outbox (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    outcome      VARCHAR(24) NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'PERMANENT_FAILURE')),
    status_code  INT,
    detail       TEXT,
    duration_ms  BIGINT      NOT NULL,
    UNIQUE (outbox_id, attempt)
);

-- An account's choice per category and channel; no row = on. Transactional categories ignore it.
CREATE TABLE notification.preference (
    account_id UUID        NOT NULL,
    category   VARCHAR(64) NOT NULL,
    channel    VARCHAR(16) NOT NULL CHECK (channel IN ('EMAIL', 'IN_APP')),
    enabled    BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, category, channel)
);
