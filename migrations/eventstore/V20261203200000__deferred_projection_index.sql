-- Non-unique indexes of projection tables that a rebuild dropped and has not built again yet. Written in the
-- transaction of the DROP, so a process that ends mid-rebuild leaves the definitions here, and the next start of
-- any HyperX process builds them (DeferredIndexes).
CREATE TABLE deferred_projection_index (
    index_name  TEXT        PRIMARY KEY,
    table_name  TEXT        NOT NULL,
    definition  TEXT        NOT NULL,
    dropped_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
