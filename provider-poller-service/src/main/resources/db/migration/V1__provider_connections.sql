-- The API keys a workspace asked Quotah to watch. Keys are stored only sealed (AES-256-GCM), with the id of
-- the data key that sealed them; the fingerprint (SHA-256) finds a key added twice without opening any.
CREATE TABLE provider_connection (
    id                     uuid PRIMARY KEY,
    workspace_id           text        NOT NULL,
    provider               text        NOT NULL,
    label                  text        NOT NULL,
    key_fingerprint        text        NOT NULL,
    key_masked             text        NOT NULL,
    key_sealed             bytea       NOT NULL,
    key_data_key_id        text        NOT NULL,
    admin_key_masked       text,
    admin_key_sealed       bytea,
    admin_key_data_key_id  text,
    probing                boolean     NOT NULL,
    poll_interval_seconds  integer     NOT NULL CHECK (poll_interval_seconds BETWEEN 10 AND 86400),
    status                 text        NOT NULL,
    status_reason          text,
    last_polled_at         timestamptz,
    last_success_at        timestamptz,
    last_error             text,
    consecutive_failures   integer     NOT NULL DEFAULT 0,
    -- the scheduler's queue: due when next_poll_at has passed and no live lease holds the row
    next_poll_at           timestamptz NOT NULL,
    lease_owner            text,
    lease_until            timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    UNIQUE (workspace_id, key_fingerprint)
);

CREATE INDEX provider_connection_by_workspace ON provider_connection (workspace_id, created_at);
CREATE INDEX provider_connection_due ON provider_connection (next_poll_at);
