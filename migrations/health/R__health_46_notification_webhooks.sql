-- Creator webhook endpoints keep their signing secrets encrypted (WebhookSecrets: 'v1:' + AES-GCM nonce and
-- ciphertext). A secret in any other form was written around the application and a database dump would reveal it.
CREATE OR REPLACE VIEW health.notification_webhook_plain_secret_violations AS
SELECT e.id::text AS id,
       CASE WHEN e.secret NOT LIKE 'v1:%' THEN 'current secret not encrypted'
            ELSE 'previous secret not encrypted' END AS detail
FROM notification.webhook_endpoint e
WHERE e.secret NOT LIKE 'v1:%'
   OR (e.previous_secret IS NOT NULL AND e.previous_secret NOT LIKE 'v1:%');
