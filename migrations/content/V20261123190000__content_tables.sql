-- Content context read models (schema content), all rebuilt by the content-access processing group.
CREATE SCHEMA IF NOT EXISTS content;

-- Posts in every state but deleted (a deleted post's row is removed).
CREATE TABLE content.post (
    post_id      uuid        PRIMARY KEY,
    creator_id   uuid        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    visibility   text        NOT NULL, -- the policy as JSON (DESIGN.md §5)
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED')),
    publish_at   timestamptz,          -- when SCHEDULED
    published_at timestamptz,          -- when PUBLISHED
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX post_creator_published ON content.post (creator_id, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX post_creator_created ON content.post (creator_id, created_at DESC);
-- the scheduled-publication sweeper's due list
CREATE INDEX post_due ON content.post (publish_at) WHERE status = 'SCHEDULED';

CREATE TABLE content.product (
    product_id    uuid        PRIMARY KEY,
    creator_id    uuid        NOT NULL,
    title         text        NOT NULL,
    description   text,
    type          text        NOT NULL,
    price_minor   bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    min_tier_rank integer,
    published     boolean     NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false, -- owners keep deleted products in their library
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX product_creator ON content.product (creator_id, created_at DESC);

-- Tiers as the subscription context announces them (for ranks and "unlocking tiers").
CREATE TABLE content.tier (
    tier_id     uuid        PRIMARY KEY,
    creator_id  uuid        NOT NULL,
    name        text        NOT NULL,
    rank        integer     NOT NULL,
    price_minor bigint      NOT NULL,
    currency    char(3)     NOT NULL,
    published   boolean     NOT NULL,
    archived    boolean     NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX tier_creator ON content.tier (creator_id, rank);

-- One row per subscription: ACTIVE, TRIALING and GRACE_PERIOD grant the tier; the others grant nothing.
CREATE TABLE content.membership (
    subscription_id uuid        PRIMARY KEY,
    fan_id          uuid        NOT NULL,
    creator_id      uuid        NOT NULL,
    tier_id         uuid        NOT NULL,
    tier_rank       integer     NOT NULL,
    status          text        NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX membership_fan_creator ON content.membership (fan_id, creator_id);

-- Purchases and pay-per-view unlocks, one per succeeded payment; a refund revokes.
CREATE TABLE content.unlock (
    payment_id  uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('POST', 'PRODUCT')),
    item_id     uuid        NOT NULL,
    creator_id  uuid        NOT NULL,
    price_minor bigint      NOT NULL,
    currency    char(3)     NOT NULL,
    unlocked_at timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX unlock_account_item ON content.unlock (account_id, item_id);
