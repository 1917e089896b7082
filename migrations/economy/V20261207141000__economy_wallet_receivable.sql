-- What each creator owes the platform per currency (the creator:{id}:receivable account, a debit balance kept
-- positive here): a refund of released money beyond the available balance; later earnings repay it first.
ALTER TABLE economy.wallet ADD COLUMN receivable_minor BIGINT NOT NULL DEFAULT 0;
