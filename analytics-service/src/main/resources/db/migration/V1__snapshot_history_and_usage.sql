-- Every rate-limit snapshot as received, keyed by its event id so a redelivery adds nothing.
CREATE TABLE rate_limit_snapshot (
    event_id      uuid        PRIMARY KEY,
    workspace_id  text        NOT NULL,
    connection_id uuid        NOT NULL,
    provider      text        NOT NULL,
    model         text,
    source        text        NOT NULL,
    captured_at   timestamptz NOT NULL,
    retry_after   interval,
    received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_snapshot_by_connection_time ON rate_limit_snapshot (workspace_id, connection_id, captured_at);
CREATE INDEX rate_limit_snapshot_by_time ON rate_limit_snapshot (captured_at);

-- One row per limit window of a snapshot; an unknown number stays NULL, never 0.
CREATE TABLE rate_limit_window (
    event_id    uuid   NOT NULL REFERENCES rate_limit_snapshot (event_id) ON DELETE CASCADE,
    kind        text   NOT NULL,
    limit_value bigint,
    remaining   bigint,
    reset_at    timestamptz,
    PRIMARY KEY (event_id, kind)
);

-- Usage per bucket, replaced when the provider revises the bucket (same event id, newer totals).
CREATE TABLE usage_bucket (
    event_id              uuid        PRIMARY KEY,
    workspace_id          text        NOT NULL,
    connection_id         uuid        NOT NULL,
    provider              text        NOT NULL,
    provider_key_id       text,
    model                 text        NOT NULL,
    service_tier          text,
    source                text        NOT NULL,
    bucket_start          timestamptz NOT NULL,
    bucket_end            timestamptz NOT NULL,
    requests              bigint      NOT NULL,
    input_tokens          bigint      NOT NULL,
    output_tokens         bigint      NOT NULL,
    cache_write_5m_tokens bigint      NOT NULL,
    cache_write_1h_tokens bigint      NOT NULL,
    cache_read_tokens     bigint      NOT NULL,
    reasoning_tokens      bigint,
    reported_cost         numeric(20, 10),
    reported_currency     char(3),
    revised_at            timestamptz NOT NULL
);
CREATE INDEX usage_bucket_by_workspace_time ON usage_bucket (workspace_id, bucket_start);
