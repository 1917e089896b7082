-- The in-app feed: one row per delivered IN_APP outbox message (same id), rendered when delivered.
CREATE TABLE notification.in_app_notification (
    id         UUID        PRIMARY KEY,
    account_id UUID        NOT NULL,
    category   VARCHAR(64) NOT NULL,
    template   VARCHAR(64) NOT NULL,
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    data       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX in_app_notification_feed ON notification.in_app_notification (account_id, created_at DESC, id);
CREATE INDEX in_app_notification_unread ON notification.in_app_notification (account_id) WHERE read_at IS NULL;
