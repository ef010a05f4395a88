-- The newest reading of each limit window, per connection and model: what rate-limit rules evaluate.
CREATE TABLE window_observation (
    workspace_id  text        NOT NULL,
    connection_id uuid        NOT NULL,
    model_key     text        NOT NULL, -- the model or group, '' when the provider did not say
    kind          text        NOT NULL,
    limit_value   bigint,
    remaining     bigint,
    reset_at      timestamptz,
    captured_at   timestamptz NOT NULL,
    PRIMARY KEY (connection_id, model_key, kind)
);
CREATE INDEX window_observation_by_workspace ON window_observation (workspace_id);

-- How much a connection has been heard from: what stale-data rules evaluate.
CREATE TABLE connection_activity (
    connection_id    uuid        PRIMARY KEY,
    workspace_id     text        NOT NULL,
    provider         text        NOT NULL,
    snapshots_seen   bigint      NOT NULL,
    last_captured_at timestamptz NOT NULL
);
CREATE INDEX connection_activity_by_workspace ON connection_activity (workspace_id);

-- Reported cost and tokens per usage bucket, replaced on revision: what budget rules evaluate.
CREATE TABLE spend_bucket (
    event_id          uuid        PRIMARY KEY,
    workspace_id      text        NOT NULL,
    connection_id     uuid        NOT NULL,
    provider          text        NOT NULL,
    model             text        NOT NULL,
    bucket_start      timestamptz NOT NULL,
    bucket_end        timestamptz NOT NULL,
    input_tokens      bigint      NOT NULL,
    output_tokens     bigint      NOT NULL,
    reported_cost     numeric(20, 10),
    reported_currency char(3),
    revised_at        timestamptz NOT NULL
);
CREATE INDEX spend_bucket_by_workspace_time ON spend_bucket (workspace_id, bucket_start);
