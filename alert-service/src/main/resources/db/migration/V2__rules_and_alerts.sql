-- Alert rules: one row each, the fields of every kind side by side (those of other kinds stay null).
CREATE TABLE alert_rule (
    id                uuid          PRIMARY KEY,
    workspace_id      text          NOT NULL,
    name              text          NOT NULL,
    kind              text          NOT NULL,
    enabled           boolean       NOT NULL,
    connection_id     uuid,
    provider          text,
    window_kind       text,
    model             text,
    threshold_percent numeric(5, 2),
    critical_percent  numeric(5, 2),
    forecast_minutes  integer,
    budget_amount     numeric(20, 6),
    budget_period     text,
    budget_thresholds text,          -- whole percents, comma-separated, ascending
    spike_factor      numeric(10, 4),
    spike_floor       numeric(20, 6),
    problems          text,          -- key problems, comma-separated
    cooldown_minutes  integer       NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX alert_rule_by_workspace ON alert_rule (workspace_id, kind) WHERE enabled;

CREATE TABLE alert_rule_channel (
    rule_id        uuid    NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    type           text    NOT NULL,
    target         text    NOT NULL,
    signing_secret text,             -- WEBHOOK only
    PRIMARY KEY (rule_id, position)
);

-- Raised alerts, kept after they resolve: the history the Alerts page and the bell read.
CREATE TABLE alert (
    id               uuid        PRIMARY KEY,
    workspace_id     text        NOT NULL,
    rule_id          uuid        NOT NULL,
    rule_name        text        NOT NULL,
    kind             text        NOT NULL,
    severity         text        NOT NULL,
    state            text        NOT NULL,
    connection_id    uuid,
    provider         text,
    connection_label text,
    model            text,
    window_name      text,
    observed         numeric(30, 10),
    threshold        numeric(30, 10),
    unit             text,
    reset_at         timestamptz,
    forecast_at      timestamptz,
    reason           text,
    summary          text        NOT NULL,
    raised_at        timestamptz NOT NULL,
    resolved_at      timestamptz,
    acknowledged_at  timestamptz
);
CREATE INDEX alert_by_workspace ON alert (workspace_id, raised_at DESC);
CREATE INDEX alert_unacknowledged ON alert (workspace_id) WHERE acknowledged_at IS NULL;

-- Where each rule stands for each subject (a key, a key's problem, a budget period's threshold): whether its
-- condition holds, the alert it raised, and when it last raised one. Rows are locked while a rule is evaluated,
-- so two replicas never raise the same alert twice; the cooldown counts from last_raised_at, across restarts.
CREATE TABLE alert_condition (
    rule_id         uuid        NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    subject         text        NOT NULL,
    workspace_id    text        NOT NULL,
    active          boolean     NOT NULL DEFAULT false,
    alert_id        uuid,
    last_raised_at  timestamptz,
    PRIMARY KEY (rule_id, subject)
);
CREATE INDEX alert_condition_active ON alert_condition (workspace_id) WHERE active;

-- What alert-service knows of each watched key, from ConnectionChanged: its label for messages, its polling
-- interval for staleness, and its latest problem.
CREATE TABLE known_connection (
    connection_id         uuid        PRIMARY KEY,
    workspace_id          text        NOT NULL,
    provider              text        NOT NULL,
    label                 text,
    masked_key            text,
    poll_interval_seconds integer,
    last_change           text        NOT NULL,
    reason                text,
    changed_at            timestamptz NOT NULL
);
CREATE INDEX known_connection_by_workspace ON known_connection (workspace_id);

-- Recent readings of every window, for the burn rate of exhaustion forecasts; pruned to the last minutes.
CREATE TABLE window_sample (
    connection_id uuid        NOT NULL,
    model_key     text        NOT NULL,
    kind          text        NOT NULL,
    captured_at   timestamptz NOT NULL,
    workspace_id  text        NOT NULL,
    limit_value   bigint      NOT NULL,
    remaining     bigint      NOT NULL,
    PRIMARY KEY (connection_id, model_key, kind, captured_at)
);
CREATE INDEX window_sample_by_workspace ON window_sample (workspace_id);

-- Spend per bucket as analytics costs it: the provider's reported cost where it reported one for the key, day
-- and model, else the price book's cost of the tokens (null when the book has no price).
ALTER TABLE spend_bucket ADD COLUMN computed_cost numeric(20, 10);
ALTER TABLE spend_bucket ADD COLUMN cache_write_5m_tokens bigint NOT NULL DEFAULT 0;
ALTER TABLE spend_bucket ADD COLUMN cache_write_1h_tokens bigint NOT NULL DEFAULT 0;
ALTER TABLE spend_bucket ADD COLUMN cache_read_tokens bigint NOT NULL DEFAULT 0;
ALTER TABLE spend_bucket ADD COLUMN service_tier text;
CREATE INDEX spend_bucket_by_connection_time ON spend_bucket (connection_id, bucket_start);
