-- Projection lag: a processing group whose slowest segment is more than max_lag_events behind the head of the
-- event store, or whose oldest unprocessed event is older than max_lag_seconds. Tokens are Axon's Jackson JSON:
-- {"index": n, ...} for a gap-aware token, wrapped in {"currentToken": ...} while replaying.
CREATE OR REPLACE VIEW health.projection_positions AS
SELECT processor_name,
       min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,
                    (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint,
                    0)) AS position
FROM token_entry
GROUP BY processor_name;

CREATE OR REPLACE VIEW health.projection_lag_violations AS
WITH head AS (SELECT coalesce(max(global_index), 0) AS global_index FROM domain_event_entry),
     lag AS (SELECT p.processor_name,
                    head.global_index - p.position AS events_behind,
                    (SELECT e.time_stamp::timestamptz
                     FROM domain_event_entry e
                     WHERE e.global_index > p.position
                     ORDER BY e.global_index
                     LIMIT 1) AS oldest_unprocessed
             FROM health.projection_positions p, head)
SELECT lag.processor_name AS id,
       lag.events_behind || ' events behind the head, oldest unprocessed event from '
           || coalesce(lag.oldest_unprocessed::text, '-') AS detail
FROM lag, health.settings s
WHERE lag.events_behind > s.max_lag_events
   OR lag.oldest_unprocessed < now() - make_interval(secs => s.max_lag_seconds);
