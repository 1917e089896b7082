-- Creator webhook endpoints: configuration kept as plain rows (not event-sourced: no other context reacts to it and
-- its history is not a business fact). Secrets are stored encrypted (AES-256-GCM, key outside the database).
CREATE TABLE notification.webhook_endpoint (
    id                    UUID        PRIMARY KEY,
    creator_id            UUID        NOT NULL,
    url                   TEXT        NOT NULL,
    event_types           TEXT[]      NOT NULL,
    secret                TEXT        NOT NULL,
    -- the secret before the last rotation, still signing until previous_secret_until
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    status                VARCHAR(16) NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason       TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    deleted_at            TIMESTAMPTZ,
    CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
);
CREATE INDEX webhook_endpoint_creator ON notification.webhook_endpoint (creator_id) WHERE deleted_at IS NULL;
