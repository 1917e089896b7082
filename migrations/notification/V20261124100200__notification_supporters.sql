-- Who supports whom now (a subscription that grants access), for announcing new posts. A projection of subscription
-- events in the notification processing group: rebuilt on replay.
CREATE TABLE notification.supporter (
    subscription_id UUID        PRIMARY KEY,
    creator_id      UUID        NOT NULL,
    fan_id          UUID        NOT NULL,
    since           TIMESTAMPTZ NOT NULL
);
CREATE INDEX supporter_creator ON notification.supporter (creator_id);
