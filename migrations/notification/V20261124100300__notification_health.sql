-- Each channel's retry horizon, for the health views; the app writes its configured values at start.
CREATE TABLE notification.channel_horizon (
    channel         VARCHAR(16) PRIMARY KEY CHECK (channel IN ('EMAIL', 'WEBHOOK', 'IN_APP')),
    horizon_seconds BIGINT      NOT NULL CHECK (horizon_seconds > 0)
);
INSERT INTO notification.channel_horizon (channel, horizon_seconds)
VALUES ('EMAIL', 86400), ('WEBHOOK', 259200), ('IN_APP', 86400);
