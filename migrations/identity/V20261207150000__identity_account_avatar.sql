-- An account's own avatar (any account, fans included; a creator's public profile has its own). Personal data:
-- blanked when the account is erased, never in the event log.
ALTER TABLE identity.account ADD COLUMN avatar_url TEXT;
