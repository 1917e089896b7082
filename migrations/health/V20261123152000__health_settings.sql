-- Thresholds the health views read; the app writes them at start from its configuration
-- (hyperx.health.max-lag-events / max-lag-seconds).
CREATE SCHEMA IF NOT EXISTS health;

CREATE TABLE health.settings (
    only_row        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    max_lag_events  BIGINT  NOT NULL,
    max_lag_seconds BIGINT  NOT NULL
);

INSERT INTO health.settings (max_lag_events, max_lag_seconds) VALUES (10000, 60);
