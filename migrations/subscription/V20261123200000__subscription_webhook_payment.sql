-- The payment a processed webhook named, so the health check can see that it had its effect.
ALTER TABLE subscription.processed_webhook_event ADD COLUMN payment_id UUID;
