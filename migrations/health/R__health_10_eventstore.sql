-- Event store integrity: both append-only triggers installed and enabled, no gap in any aggregate's sequence.
CREATE OR REPLACE VIEW health.eventstore_append_only_violations AS
SELECT expected.trigger_name AS id,
       'trigger ' || expected.trigger_name || ' is missing or disabled on domain_event_entry' AS detail
FROM (VALUES ('domain_event_entry_append_only'), ('domain_event_entry_no_truncate')) AS expected(trigger_name)
WHERE NOT EXISTS (SELECT 1
                  FROM pg_trigger t
                  WHERE t.tgrelid = 'public.domain_event_entry'::regclass
                    AND t.tgname = expected.trigger_name
                    AND t.tgenabled IN ('O', 'A'));

CREATE OR REPLACE VIEW health.eventstore_sequence_gap_violations AS
SELECT aggregate_identifier AS id,
       'aggregate has ' || count(*) || ' events but sequence numbers ' || min(sequence_number) || '..'
           || max(sequence_number) AS detail
-- No filter on type: an event published outside an aggregate is stored with its own id as its aggregate's and
-- sequence number 0, so it passes, and the whole table lets PostgreSQL read the unique index on
-- (aggregate_identifier, sequence_number) in order instead of sorting the store (1,000,000 events: 0.33 s, not 1.2 s).
FROM domain_event_entry
GROUP BY aggregate_identifier
HAVING min(sequence_number) <> 0 OR max(sequence_number) + 1 <> count(*);
