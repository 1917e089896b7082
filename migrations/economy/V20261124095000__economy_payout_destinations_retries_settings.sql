-- Payout destinations (owned data, not a projection: the wallet's events only reference them by id; bank details
-- never enter the event log). Only provider ids and the last 4 digits are kept.
CREATE TABLE economy.payout_destination (
    destination_id      UUID          PRIMARY KEY,
    creator_id          UUID          NOT NULL,
    kind                VARCHAR(16)   NOT NULL CHECK (kind IN ('BANK_ACCOUNT', 'STRIPE_CONNECT')),
    provider_account    VARCHAR(255)  NOT NULL,
    provider_reference  VARCHAR(255)  NOT NULL,
    last4               VARCHAR(4),
    created_at          TIMESTAMPTZ   NOT NULL,
    removed_at          TIMESTAMPTZ
);
CREATE INDEX payout_destination_creator ON economy.payout_destination (creator_id, created_at DESC);

-- Retries: how many attempts failed so far, and when the next one is due (projection columns).
ALTER TABLE economy.payout
    ADD COLUMN failed_attempts  INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  TIMESTAMPTZ;

-- Daily auto-payout settings per creator (projection of PayoutSettingsChanged).
CREATE TABLE economy.payout_settings (
    creator_id         UUID         PRIMARY KEY,
    daily_auto_payout  BOOLEAN      NOT NULL,
    minimum_minor      BIGINT,
    minimum_currency   CHAR(3),
    updated_at         TIMESTAMPTZ  NOT NULL
);
