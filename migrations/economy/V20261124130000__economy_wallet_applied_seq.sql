-- The wallet sequence number of the last ledger event added to each wallet row: the ledger projection adds a
-- batch's deltas only when they are newer, so a redelivered event cannot add them twice.
ALTER TABLE economy.wallet ADD COLUMN applied_seq BIGINT NOT NULL DEFAULT -1;
