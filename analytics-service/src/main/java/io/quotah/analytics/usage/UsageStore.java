package io.quotah.analytics.usage;

import io.quotah.contracts.events.UsageEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage per bucket. A bucket's event id is derived from the bucket, so a revision replaces the row and a
 * redelivery or replay of any version never counts twice; an older version never overwrites a newer one.
 */
@Repository
public class UsageStore {

    private final JdbcClient jdbc;

    UsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void upsert(UsageEvent usage) {
        jdbc.sql("""
                INSERT INTO usage_bucket (event_id, workspace_id, connection_id, provider, provider_key_id, model,
                    service_tier, source, bucket_start, bucket_end, requests, input_tokens, output_tokens,
                    cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens, reasoning_tokens,
                    reported_cost, reported_currency, revised_at)
                VALUES (:eventId, :workspaceId, :connectionId, :provider, :providerKeyId, :model, :serviceTier,
                    :source, :bucketStart, :bucketEnd, :requests, :inputTokens, :outputTokens, :cacheWrite5m,
                    :cacheWrite1h, :cacheRead, :reasoning, :reportedCost, :reportedCurrency, :revisedAt)
                ON CONFLICT (event_id) DO UPDATE SET
                    requests = EXCLUDED.requests,
                    input_tokens = EXCLUDED.input_tokens,
                    output_tokens = EXCLUDED.output_tokens,
                    cache_write_5m_tokens = EXCLUDED.cache_write_5m_tokens,
                    cache_write_1h_tokens = EXCLUDED.cache_write_1h_tokens,
                    cache_read_tokens = EXCLUDED.cache_read_tokens,
                    reasoning_tokens = EXCLUDED.reasoning_tokens,
                    reported_cost = EXCLUDED.reported_cost,
                    reported_currency = EXCLUDED.reported_currency,
                    revised_at = EXCLUDED.revised_at
                WHERE usage_bucket.revised_at <= EXCLUDED.revised_at
                """)
                .param("eventId", usage.eventId())
                .param("workspaceId", usage.workspaceId())
                .param("connectionId", usage.connectionId())
                .param("provider", usage.provider().name())
                .param("providerKeyId", usage.providerKeyId())
                .param("model", usage.model())
                .param("serviceTier", usage.serviceTier())
                .param("source", usage.source().name())
                .param("bucketStart", Timestamp.from(usage.bucketStart()))
                .param("bucketEnd", Timestamp.from(usage.bucketEnd()))
                .param("requests", usage.requests())
                .param("inputTokens", usage.inputTokens())
                .param("outputTokens", usage.outputTokens())
                .param("cacheWrite5m", usage.cacheWrite5mTokens())
                .param("cacheWrite1h", usage.cacheWrite1hTokens())
                .param("cacheRead", usage.cacheReadTokens())
                .param("reasoning", usage.reasoningTokens())
                .param("reportedCost", usage.reportedCost() == null ? null : usage.reportedCost().amount())
                .param("reportedCurrency", usage.reportedCost() == null ? null : usage.reportedCost().currency())
                .param("revisedAt", Timestamp.from(usage.occurredAt()))
                .update();
    }

    /** Totals per UTC day for a workspace, summed from the buckets, so revisions are always reflected. */
    @Transactional(readOnly = true)
    public List<DailyUsage> dailyTotals(String workspaceId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT (bucket_start AT TIME ZONE 'UTC')::date AS day, sum(requests) AS requests,
                       sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens
                FROM usage_bucket
                WHERE workspace_id = :workspaceId AND bucket_start >= :from AND bucket_start < :to
                GROUP BY day ORDER BY day
                """)
                .param("workspaceId", workspaceId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new DailyUsage(rs.getObject("day", LocalDate.class), rs.getLong("requests"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens")))
                .list();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM usage_bucket WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    /** One UTC day of a workspace's usage. */
    public record DailyUsage(LocalDate day, long requests, long inputTokens, long outputTokens) {

        public Instant start() {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
