-- Where each Admin key's usage sync stands. Hourly buckets start at hourly_from and are re-read to catch the
-- providers' revisions; the days before it were read once as daily buckets, so no day is counted in both.
CREATE TABLE usage_sync (
    connection_id  uuid        PRIMARY KEY REFERENCES provider_connection (id) ON DELETE CASCADE,
    hourly_from    timestamptz NOT NULL,
    backfilled     boolean     NOT NULL DEFAULT false,
    last_synced_at timestamptz
);

-- Usage seen in observations, summed per key, hour, model and tier: each change republishes the hour's
-- totals as the same UsageEvent, which consumers replace, never add.
CREATE TABLE passive_usage (
    connection_id         uuid        NOT NULL REFERENCES provider_connection (id) ON DELETE CASCADE,
    hour                  timestamptz NOT NULL,
    model                 text        NOT NULL,
    service_tier          text        NOT NULL DEFAULT '',
    requests              bigint      NOT NULL,
    input_tokens          bigint      NOT NULL,
    output_tokens         bigint      NOT NULL,
    cache_write_5m_tokens bigint      NOT NULL,
    cache_write_1h_tokens bigint      NOT NULL,
    cache_read_tokens     bigint      NOT NULL,
    reasoning_tokens      bigint,
    PRIMARY KEY (connection_id, hour, model, service_tier)
);
