-- Uploaded files (bytes in the storage port) and download tokens. Command-side state, not projections:
-- a replay of content-access leaves them alone.
CREATE TABLE content.file (
    file_id      uuid        PRIMARY KEY,
    owner_id     uuid        NOT NULL,
    purpose      text        NOT NULL CHECK (purpose IN ('AVATAR', 'BANNER', 'PRODUCT')),
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    file_name    text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_owner ON content.file (owner_id, created_at DESC);

CREATE TABLE content.download_token (
    token_id      uuid        PRIMARY KEY,
    file_id       uuid        NOT NULL REFERENCES content.file (file_id),
    account_id    uuid        NOT NULL,
    expires_at    timestamptz NOT NULL,
    downloads     integer     NOT NULL DEFAULT 0,
    max_downloads integer     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE content.product ADD COLUMN file_ids uuid[] NOT NULL DEFAULT '{}';
