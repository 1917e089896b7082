-- Schema health: each check is a view returning its violating rows (id, detail);
-- health.schema_health_check (R__health_99_summary.sql) summarises them.
CREATE SCHEMA IF NOT EXISTS health;
