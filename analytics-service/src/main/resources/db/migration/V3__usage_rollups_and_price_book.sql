-- A provider's reported cost keeps every digit it was sent with (numeric without a scale): rounding happens only
-- where a total is shown.
ALTER TABLE usage_bucket ALTER COLUMN reported_cost TYPE numeric;

-- Usage summed per hour and per UTC day of bucket_start, for every key column a bucket has. Kept exact under
-- revisions: the transaction that replaces a bucket adds (new - old) of each figure to the rollup rows of the old
-- and the new version, under a per-workspace advisory lock, so a redelivery or a replay (new = old) adds nothing.
-- '' stands for "not said" in provider_key_id and service_tier: they are part of the key.
-- reported_cost sums the USD costs providers reported; reported_buckets counts the buckets that carried one, so
-- "a reported cost exists" stays true for a reported 0.00.
CREATE TABLE usage_hourly (
    workspace_id          text        NOT NULL,
    hour                  timestamptz NOT NULL,
    connection_id         uuid        NOT NULL,
    provider              text        NOT NULL,
    provider_key_id       text        NOT NULL,
    model                 text        NOT NULL,
    service_tier          text        NOT NULL,
    source                text        NOT NULL,
    buckets               bigint      NOT NULL,
    requests              bigint      NOT NULL,
    input_tokens          bigint      NOT NULL,
    output_tokens         bigint      NOT NULL,
    cache_write_5m_tokens bigint      NOT NULL,
    cache_write_1h_tokens bigint      NOT NULL,
    cache_read_tokens     bigint      NOT NULL,
    reasoning_tokens      bigint      NOT NULL,
    reported_cost         numeric     NOT NULL,
    reported_buckets      bigint      NOT NULL,
    PRIMARY KEY (workspace_id, hour, connection_id, provider, provider_key_id, model, service_tier, source)
);

CREATE TABLE usage_daily (
    workspace_id          text        NOT NULL,
    day                   date        NOT NULL,
    connection_id         uuid        NOT NULL,
    provider              text        NOT NULL,
    provider_key_id       text        NOT NULL,
    model                 text        NOT NULL,
    service_tier          text        NOT NULL,
    source                text        NOT NULL,
    buckets               bigint      NOT NULL,
    requests              bigint      NOT NULL,
    input_tokens          bigint      NOT NULL,
    output_tokens         bigint      NOT NULL,
    cache_write_5m_tokens bigint      NOT NULL,
    cache_write_1h_tokens bigint      NOT NULL,
    cache_read_tokens     bigint      NOT NULL,
    reasoning_tokens      bigint      NOT NULL,
    reported_cost         numeric     NOT NULL,
    reported_buckets      bigint      NOT NULL,
    PRIMARY KEY (workspace_id, day, connection_id, provider, provider_key_id, model, service_tier, source)
);

-- The rollups of the buckets already stored (none, unless V1's table was used before this migration).
INSERT INTO usage_hourly
SELECT workspace_id, date_trunc('hour', bucket_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', connection_id, provider,
       coalesce(provider_key_id, ''), model, coalesce(service_tier, ''), source, count(*), sum(requests),
       sum(input_tokens), sum(output_tokens), sum(cache_write_5m_tokens), sum(cache_write_1h_tokens),
       sum(cache_read_tokens), coalesce(sum(reasoning_tokens), 0),
       coalesce(sum(reported_cost) FILTER (WHERE reported_currency = 'USD'), 0),
       count(*) FILTER (WHERE reported_cost IS NOT NULL AND reported_currency = 'USD')
FROM usage_bucket GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO usage_daily
SELECT workspace_id, (bucket_start AT TIME ZONE 'UTC')::date, connection_id, provider, coalesce(provider_key_id, ''),
       model, coalesce(service_tier, ''), source, count(*), sum(requests), sum(input_tokens), sum(output_tokens),
       sum(cache_write_5m_tokens), sum(cache_write_1h_tokens), sum(cache_read_tokens),
       coalesce(sum(reasoning_tokens), 0),
       coalesce(sum(reported_cost) FILTER (WHERE reported_currency = 'USD'), 0),
       count(*) FILTER (WHERE reported_cost IS NOT NULL AND reported_currency = 'USD')
FROM usage_bucket GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- The usage list pages through a workspace's buckets in this order.
CREATE INDEX usage_bucket_by_workspace_time_model ON usage_bucket (workspace_id, bucket_start, model, event_id);
DROP INDEX usage_bucket_by_workspace_time;

-- The price book (src/main/resources/pricebook/price-book.csv) as loaded at start: each version once, with the
-- digest of its file, so the prices behind any figure can be looked up later. USD per million tokens; a NULL price
-- is one the book does not know (tokens of that kind are then priced UNKNOWN, never 0).
CREATE TABLE price_book_version (
    version    text        PRIMARY KEY,
    sha256     text        NOT NULL,
    models     integer     NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE price_book_price (
    version        text    NOT NULL REFERENCES price_book_version (version) ON DELETE CASCADE,
    provider       text    NOT NULL,
    model          text    NOT NULL,
    effective_from date    NOT NULL,
    input          numeric,
    cache_write_5m numeric,
    cache_write_1h numeric,
    cache_read     numeric,
    output         numeric,
    batch_discount numeric,
    flex_discount  numeric,
    PRIMARY KEY (version, provider, model, effective_from)
);

-- Other names a provider reports a book model by (dated snapshots, aliases).
CREATE TABLE price_book_alias (
    version  text NOT NULL REFERENCES price_book_version (version) ON DELETE CASCADE,
    provider text NOT NULL,
    alias    text NOT NULL,
    model    text NOT NULL,
    PRIMARY KEY (version, provider, alias)
);
