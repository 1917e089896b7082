-- Free trials: the subscription view remembers when a subscription's trial began (the one place that knows past
-- trials, counted per fan and creator when a fan subscribes), backfilled here from the event log. The number of
-- trials allowed per fan and creator is written at start from hyperx.subscription.trials-per-creator, for the
-- health view that counts fans over it.
ALTER TABLE subscription.subscription_view ADD COLUMN trial_started_at TIMESTAMPTZ;

UPDATE subscription.subscription_view v
SET trial_started_at = e.time_stamp::timestamptz
FROM domain_event_entry e
WHERE e.payload_type = 'io.hyperx.subscription.api.SubscriptionTrialStarted'
  AND e.aggregate_identifier = v.id::text;

ALTER TABLE subscription.health_settings ADD COLUMN trials_per_creator INTEGER NOT NULL DEFAULT 1;
