-- Sessions: no refresh token stays active (neither used nor revoked) more than a day past its expiry; the
-- identity context's sweeper revokes expired ones every hour.
CREATE OR REPLACE VIEW health.identity_expired_session_violations AS
SELECT encode(t.token_hash, 'hex') AS id,
       'refresh token of account ' || t.account_id || ' expired at ' || t.expires_at || ' and is still active' AS detail
FROM identity.refresh_token t
WHERE t.revoked_at IS NULL
  AND t.used_at IS NULL
  AND t.expires_at < now() - interval '1 day';
