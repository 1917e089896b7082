-- The subscription context's own tables in schema "subscription": projections (disposable, rebuilt by replay),
-- the webhook de-duplication record, the due-date table for durable time, and Stripe id mappings.

CREATE SCHEMA IF NOT EXISTS subscription;

-- Projections ---------------------------------------------------------------------------------------------------

CREATE TABLE subscription.tier_view (
    id              UUID         PRIMARY KEY,
    creator_id      UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    description     TEXT,
    price_minor     BIGINT       NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    billing_interval VARCHAR(16) NOT NULL,
    benefits        JSONB        NOT NULL,
    rank            INTEGER      NOT NULL,
    published       BOOLEAN      NOT NULL,
    archived        BOOLEAN      NOT NULL,
    member_limit    INTEGER,
    trial_days      INTEGER      NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX tier_view_creator ON subscription.tier_view (creator_id, rank);

CREATE TABLE subscription.subscription_view (
    id                   UUID        PRIMARY KEY,
    fan_id               UUID        NOT NULL,
    creator_id           UUID        NOT NULL,
    tier_id              UUID        NOT NULL,
    status               VARCHAR(16) NOT NULL,
    price_minor          BIGINT      NOT NULL,
    currency             VARCHAR(3)  NOT NULL,
    billing_interval     VARCHAR(16) NOT NULL,
    current_period_end   TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN     NOT NULL,
    grace_ends_at        TIMESTAMPTZ,
    started_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_view_fan ON subscription.subscription_view (fan_id, creator_id);
CREATE INDEX subscription_view_creator ON subscription.subscription_view (creator_id, tier_id, status);

CREATE TABLE subscription.payment_view (
    id                 UUID        PRIMARY KEY,
    purpose            VARCHAR(32) NOT NULL,
    purpose_reference  UUID,
    payer_id           UUID        NOT NULL,
    creator_id         UUID        NOT NULL,
    amount_minor       BIGINT      NOT NULL,
    currency           VARCHAR(3)  NOT NULL,
    status             VARCHAR(32) NOT NULL,
    refunded_minor     BIGINT      NOT NULL,
    fee_minor          BIGINT,
    failure_code       VARCHAR(100),
    initiated_at       TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_view_payer ON subscription.payment_view (payer_id, initiated_at DESC);
CREATE INDEX payment_view_creator ON subscription.payment_view (creator_id, initiated_at DESC);

-- Webhooks: one row per Stripe event id, written in the transaction of the commands it caused ----------------

CREATE TABLE subscription.processed_webhook_event (
    provider_event_id VARCHAR(255) PRIMARY KEY,
    event_type        VARCHAR(100) NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Durable time: renewals, dunning retries and grace expiry, claimed with FOR UPDATE SKIP LOCKED --------------

CREATE TABLE subscription.scheduled_job (
    job_id          UUID         PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    subscription_id UUID         NOT NULL,
    due_at          TIMESTAMPTZ  NOT NULL,
    payload         JSONB        NOT NULL,
    done_at         TIMESTAMPTZ,
    failures        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT
);
CREATE INDEX scheduled_job_due ON subscription.scheduled_job (due_at) WHERE done_at IS NULL;

-- Stripe ids --------------------------------------------------------------------------------------------------

CREATE TABLE subscription.stripe_customer (
    account_id  UUID         PRIMARY KEY,
    customer_id VARCHAR(255) NOT NULL UNIQUE
);

CREATE TABLE subscription.provider_payment (
    provider_payment_id VARCHAR(255) PRIMARY KEY,
    payment_id          UUID         NOT NULL
);
CREATE INDEX provider_payment_payment ON subscription.provider_payment (payment_id);
