-- Notification invariants: the dispatcher keeps up. A message is taken when due (or again when its lease ends) and
-- is sent or given up by its channel's horizon; rows breaking either mean no dispatcher runs, or one cannot record.

-- Due (or lease ended) more than 15 minutes ago and still nobody took it.
CREATE OR REPLACE VIEW health.notification_dispatch_stalled_violations AS
SELECT id::text AS id,
       channel || ' ' || template || ' due since ' || next_attempt_at || ' after ' || attempts || ' attempts' AS detail
FROM notification.outbox
WHERE status = 'PENDING'
  AND next_attempt_at < now() - interval '15 minutes';

-- Still pending 15 minutes past its channel's horizon: it should have been sent or given up.
CREATE OR REPLACE VIEW health.notification_past_horizon_violations AS
SELECT o.id::text AS id,
       o.channel || ' ' || o.template || ' created ' || o.created_at || ', pending after ' || o.attempts
           || ' attempts' AS detail
FROM notification.outbox o
JOIN notification.channel_horizon h ON h.channel = o.channel
WHERE o.status = 'PENDING'
  AND o.created_at + make_interval(secs => h.horizon_seconds) + interval '15 minutes' < now();
