-- Rebuilding a workspace's headroom reads its recent snapshots: by workspace and time.
CREATE INDEX rate_limit_snapshot_by_workspace_time ON rate_limit_snapshot (workspace_id, captured_at);

-- The newest snapshot of each series (a connection and model), so the live state can be rebuilt in one
-- short query, and so retention keeps a key that went quiet (it shows as stale, it does not vanish).
-- model is '' when the provider named none: it is part of the key.
CREATE TABLE rate_limit_series_latest (
    workspace_id  text        NOT NULL,
    connection_id uuid        NOT NULL,
    model         text        NOT NULL,
    event_id      uuid        NOT NULL REFERENCES rate_limit_snapshot (event_id) ON DELETE CASCADE,
    captured_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, connection_id, model)
);
CREATE INDEX rate_limit_series_latest_event ON rate_limit_series_latest (event_id);

-- Each window downsampled to 5-minute buckets as snapshots arrive: history past the raw retention.
-- min_remaining is the bucket's worst moment, last_* its newest capture; an unknown number stays NULL.
CREATE TABLE rate_limit_window_5m (
    workspace_id     text        NOT NULL,
    connection_id    uuid        NOT NULL,
    bucket_start     timestamptz NOT NULL,
    model            text        NOT NULL,
    kind             text        NOT NULL,
    min_remaining    bigint,
    last_remaining   bigint,
    limit_value      bigint,
    last_captured_at timestamptz NOT NULL,
    samples          integer     NOT NULL,
    PRIMARY KEY (workspace_id, connection_id, bucket_start, model, kind)
);
CREATE INDEX rate_limit_window_5m_by_time ON rate_limit_window_5m (bucket_start);

-- What provider-poller-service said about each connection: how the answer names it, and whether it is gone.
-- A REMOVED connection stays as a tombstone so a late event cannot bring it back.
CREATE TABLE provider_connection (
    workspace_id  text        NOT NULL,
    connection_id uuid        NOT NULL,
    provider      text        NOT NULL,
    label         text,
    masked_key    text,
    last_change   text        NOT NULL,
    changed_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, connection_id)
);
