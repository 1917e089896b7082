-- Identity's own tables. Personal data (e-mail, display name) and secrets (password hash, TOTP secret, backup
-- code, token and API key hashes) live here, referenced by account id, never in the event log. Erasing a person
-- deletes or blanks these rows; domain_event_entry keeps ids only.
CREATE SCHEMA IF NOT EXISTS identity;

-- One row per account: credentials and personal data (write side, kept in step with the Account aggregate in
-- the same transaction as each command). Personal columns are NULL once the account is erased.
CREATE TABLE identity.account (
    account_id         UUID        PRIMARY KEY,
    email              TEXT,
    display_name       TEXT,
    password_hash      TEXT,
    role               VARCHAR(16) NOT NULL CHECK (role IN ('fan', 'creator', 'admin')),
    status             VARCHAR(16) NOT NULL CHECK (status IN ('active', 'suspended', 'erased')),
    email_verified     BOOLEAN     NOT NULL DEFAULT FALSE,
    totp_secret        TEXT,
    totp_pending       TEXT,
    totp_last_step     BIGINT, -- last accepted TOTP time step: a code is accepted once
    two_factor_enabled BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL,
    erased_at          TIMESTAMPTZ
);

-- E-mail uniqueness (case-insensitive): the INSERT of the claim, in the registering transaction, is the check.
CREATE TABLE identity.email_claim (
    email_normalized TEXT PRIMARY KEY,
    account_id       UUID NOT NULL UNIQUE REFERENCES identity.account (account_id)
);

CREATE TABLE identity.backup_code (
    account_id UUID        NOT NULL REFERENCES identity.account (account_id),
    code_hash  BYTEA       NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- Refresh tokens are opaque; only their SHA-256 is kept. A token is used once; a family is one login's chain.
CREATE TABLE identity.refresh_token (
    token_hash BYTEA       PRIMARY KEY,
    family_id  UUID        NOT NULL,
    account_id UUID        NOT NULL REFERENCES identity.account (account_id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON identity.refresh_token (family_id);
CREATE INDEX refresh_token_account ON identity.refresh_token (account_id);

-- E-mail verification and password reset tokens: random, stored hashed, single-use, expiring.
CREATE TABLE identity.one_time_token (
    token_hash BYTEA       PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES identity.account (account_id),
    purpose    VARCHAR(16) NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX one_time_token_account ON identity.one_time_token (account_id, purpose);

-- Messages for the notification context to send (until it exists, tests and operators read them here).
-- The link holds the raw one-time token: this row is the only place it exists.
CREATE TABLE identity.outgoing_message (
    id         UUID        PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES identity.account (account_id),
    template   VARCHAR(64) NOT NULL,
    link       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outgoing_message_unsent ON identity.outgoing_message (created_at) WHERE sent_at IS NULL;

CREATE TABLE identity.api_key (
    id           UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES identity.account (account_id),
    name         TEXT        NOT NULL,
    prefix       VARCHAR(16) NOT NULL,
    key_hash     BYTEA       NOT NULL UNIQUE,
    scopes       TEXT[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_key_account ON identity.api_key (account_id);

CREATE TABLE identity.creator_profile (
    account_id   UUID        PRIMARY KEY REFERENCES identity.account (account_id),
    display_name TEXT        NOT NULL,
    bio          TEXT,
    avatar_url   TEXT,
    banner_url   TEXT,
    social_links JSONB       NOT NULL DEFAULT '[]',
    published    BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Slug uniqueness (stored lower-case): the INSERT of the claim is the check, so concurrent claims cannot both win.
CREATE TABLE identity.creator_slug (
    slug       TEXT PRIMARY KEY,
    account_id UUID NOT NULL UNIQUE REFERENCES identity.account (account_id)
);

-- Projection 'identity-accounts' (rebuildable from the event log): accounts' non-personal state.
CREATE TABLE identity.account_view (
    account_id         UUID        PRIMARY KEY,
    role               VARCHAR(16) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    email_verified     BOOLEAN     NOT NULL,
    two_factor_enabled BOOLEAN     NOT NULL,
    profile_published  BOOLEAN     NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
