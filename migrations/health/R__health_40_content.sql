-- Entitlements (content) agree with what was paid for (subscription). Both sides are projections fed
-- asynchronously, so a row only counts once it has been quiet for five minutes.

-- An entitlement with nothing behind it: a granting membership whose subscription does not grant, or an unlock
-- whose payment did not succeed (or was refunded in full).
CREATE OR REPLACE VIEW health.content_entitlement_unbacked_violations AS
SELECT m.subscription_id::text AS id,
       'membership grants tier rank ' || m.tier_rank || ' but the subscription is '
           || coalesce(s.status, 'unknown') AS detail
FROM content.membership m
LEFT JOIN subscription.subscription_view s ON s.id = m.subscription_id
WHERE m.status IN ('ACTIVE', 'TRIALING', 'GRACE_PERIOD')
  AND m.updated_at < now() - interval '5 minutes'
  AND (s.status IS NULL OR s.status NOT IN ('ACTIVE', 'TRIALING', 'GRACE_PERIOD'))
UNION ALL
SELECT u.payment_id::text,
       lower(u.kind) || ' unlocked by a payment that is ' || coalesce(p.status, 'unknown')
FROM content.unlock u
LEFT JOIN subscription.payment_view p ON p.id = u.payment_id
WHERE u.revoked_at IS NULL
  AND u.unlocked_at < now() - interval '5 minutes'
  AND (p.status IS NULL OR p.status NOT IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') OR p.refunded_minor >= p.amount_minor);

-- An active subscription whose fan has no entitlement for it.
CREATE OR REPLACE VIEW health.content_subscription_without_entitlement_violations AS
SELECT s.id::text AS id, 'active subscription to tier ' || s.tier_id || ' with no granting membership' AS detail
FROM subscription.subscription_view s
WHERE s.status = 'ACTIVE'
  AND s.updated_at < now() - interval '5 minutes'
  AND NOT EXISTS (SELECT 1 FROM content.membership m
                  WHERE m.subscription_id = s.id AND m.status IN ('ACTIVE', 'TRIALING', 'GRACE_PERIOD'));
