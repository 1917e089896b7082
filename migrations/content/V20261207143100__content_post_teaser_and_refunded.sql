-- The teaser is what the creator chose to show readers without access (NULL: nothing); before it existed, locked
-- posts showed the start of the body. Rebuilt by the content-access processing group like the rest of the row.
ALTER TABLE content.post ADD COLUMN teaser text;

-- The payment's cumulative refunded amount: a partial refund keeps the unlock, a full one revokes it.
ALTER TABLE content.unlock ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0;
