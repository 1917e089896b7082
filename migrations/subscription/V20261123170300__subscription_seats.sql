-- Write-side seats: one row per ongoing subscription, taken in the same transaction as the subscription starts
-- (under a per-tier advisory lock), so member limits and "one subscription per creator" hold under concurrency.
-- Released when the subscription ends.
CREATE TABLE subscription.seat (
    subscription_id UUID PRIMARY KEY,
    tier_id         UUID NOT NULL,
    fan_id          UUID NOT NULL,
    creator_id      UUID NOT NULL,
    CONSTRAINT seat_one_per_fan_and_creator UNIQUE (fan_id, creator_id)
);
CREATE INDEX seat_tier ON subscription.seat (tier_id);
