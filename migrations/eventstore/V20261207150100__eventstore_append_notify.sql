-- Wake every node's event processors when events are committed: one NOTIFY per insert statement carrying the
-- statement's highest global index (delivered to listeners at commit; nothing is sent for a rolled-back insert).
-- The app listens on channel hyperx_events (platform AppendListener); its processors still poll as a fallback.
CREATE FUNCTION notify_events_appended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    highest BIGINT;
BEGIN
    SELECT max(global_index) INTO highest FROM appended;
    IF highest IS NOT NULL THEN
        PERFORM pg_notify('hyperx_events', highest::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify_appended
    AFTER INSERT ON domain_event_entry
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT
EXECUTE FUNCTION notify_events_appended();
