-- Economy context: the ledger (journal entries and their postings), wallets, payouts, tips, fraud signals, payer
-- activity (projections, rebuildable from the event log) and its due-date table (not a projection).
CREATE SCHEMA IF NOT EXISTS economy;

CREATE TABLE economy.journal_entry (
    entry_id           UUID         PRIMARY KEY,
    creator_id         UUID         NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    payment_id         UUID,
    wallet_seq         BIGINT       NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    currency           CHAR(3)      NOT NULL,
    -- what the entry adds to the creator's lifetime gross and net (payments add, refunds subtract)
    gross_delta_minor  BIGINT       NOT NULL DEFAULT 0,
    net_delta_minor    BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX journal_entry_creator ON economy.journal_entry (creator_id, occurred_at);
CREATE INDEX journal_entry_payment ON economy.journal_entry (payment_id);

CREATE TABLE economy.posting (
    entry_id      UUID         NOT NULL REFERENCES economy.journal_entry (entry_id) ON DELETE CASCADE,
    line_no       INTEGER      NOT NULL,
    creator_id    UUID         NOT NULL,
    account       VARCHAR(128) NOT NULL,
    side          VARCHAR(6)   NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    currency      CHAR(3)      NOT NULL,
    amount_minor  BIGINT       NOT NULL CHECK (amount_minor > 0),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    wallet_seq    BIGINT       NOT NULL,
    PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX posting_creator ON economy.posting (creator_id, wallet_seq);
CREATE INDEX posting_account ON economy.posting (account, currency);

CREATE TABLE economy.wallet (
    creator_id            UUID         NOT NULL,
    currency              CHAR(3)      NOT NULL,
    available_minor       BIGINT       NOT NULL DEFAULT 0,
    pending_minor         BIGINT       NOT NULL DEFAULT 0,
    reserved_minor        BIGINT       NOT NULL DEFAULT 0,
    lifetime_gross_minor  BIGINT       NOT NULL DEFAULT 0,
    lifetime_net_minor    BIGINT       NOT NULL DEFAULT 0,
    updated_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (creator_id, currency)
);

CREATE TABLE economy.payout (
    payout_id           UUID         PRIMARY KEY,
    creator_id          UUID         NOT NULL,
    currency            CHAR(3)      NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    fee_minor           BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    requested_at        TIMESTAMPTZ  NOT NULL,
    settled_at          TIMESTAMPTZ,
    provider_reference  VARCHAR(255),
    failure_reason      VARCHAR(255)
);
CREATE INDEX payout_creator ON economy.payout (creator_id, requested_at DESC);

CREATE TABLE economy.tip (
    tip_id        UUID          PRIMARY KEY,
    fan_id        UUID          NOT NULL,
    creator_id    UUID          NOT NULL,
    payment_id    UUID          NOT NULL UNIQUE,
    currency      CHAR(3)       NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    message       VARCHAR(500),
    anonymous     BOOLEAN       NOT NULL,
    sent_at       TIMESTAMPTZ   NOT NULL
);
-- the tip payment's outcome, kept apart because payment events may be handled before the tip's own event
CREATE TABLE economy.tip_payment (
    tip_id  UUID         PRIMARY KEY,
    status  VARCHAR(16)  NOT NULL
);
CREATE INDEX tip_fan ON economy.tip (fan_id, sent_at DESC);
CREATE INDEX tip_creator ON economy.tip (creator_id, sent_at DESC);

CREATE TABLE economy.fraud_signal (
    signal_id     UUID          PRIMARY KEY,
    rule          VARCHAR(64)   NOT NULL,
    severity      VARCHAR(16)   NOT NULL,
    blocked       BOOLEAN       NOT NULL,
    payer_id      UUID          NOT NULL,
    creator_id    UUID,
    currency      CHAR(3),
    amount_minor  BIGINT,
    purpose       VARCHAR(32),
    reference_id  UUID,
    detail        VARCHAR(500),
    occurred_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX fraud_signal_time ON economy.fraud_signal (occurred_at DESC);

-- payments each payer started (for the per-hour fraud rules)
CREATE TABLE economy.payer_payment (
    payment_id    UUID          PRIMARY KEY,
    payer_id      UUID          NOT NULL,
    currency      CHAR(3)       NOT NULL,
    amount_minor  BIGINT        NOT NULL,
    initiated_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payer_payment_payer ON economy.payer_payment (payer_id, initiated_at);

-- Durable time: hold releases and payout submissions/polls, claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE economy.scheduled_job (
    job_id      UUID         PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    creator_id  UUID         NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    payload     JSONB        NOT NULL,
    done_at     TIMESTAMPTZ,
    failures    INTEGER      NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX scheduled_job_due ON economy.scheduled_job (due_at) WHERE done_at IS NULL;

-- Threshold of the unledgered-payments health check (a succeeded payment may wait this long for its entry).
CREATE TABLE economy.health_settings (
    only_row                  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    unledgered_grace_seconds  BIGINT  NOT NULL
);
INSERT INTO economy.health_settings (unledgered_grace_seconds) VALUES (300);
