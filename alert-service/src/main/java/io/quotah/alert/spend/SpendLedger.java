package io.quotah.alert.spend;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.Priced;
import io.quotah.contracts.pricing.TokenCounts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spend per usage bucket, upserted by the bucket's event id so a revision replaces and a replay never adds: what
 * budget and spike rules evaluate. Costed as analytics costs it, so an alert and the Analytics page agree: per key,
 * model and UTC day, the provider's reported cost where it reported any, else the price book's cost of the tokens.
 */
@Repository
public class SpendLedger {

    private static final String USD = "USD";

    private final JdbcClient jdbc;
    private final PriceBook book;

    SpendLedger(JdbcClient jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    @Transactional
    public void record(UsageEvent usage) {
        LocalDate day = LocalDate.ofInstant(usage.bucketStart(), ZoneOffset.UTC);
        Priced computed = book.price(usage.provider(), usage.model(), usage.serviceTier(), day,
                new TokenCounts(usage.inputTokens(), usage.cacheWrite5mTokens(), usage.cacheWrite1hTokens(),
                        usage.cacheReadTokens(), usage.outputTokens()));
        jdbc.sql("""
                INSERT INTO spend_bucket (event_id, workspace_id, connection_id, provider, model, bucket_start,
                    bucket_end, input_tokens, output_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                    cache_read_tokens, service_tier, reported_cost, reported_currency, computed_cost, revised_at)
                VALUES (:eventId, :workspaceId, :connectionId, :provider, :model, :bucketStart, :bucketEnd,
                    :inputTokens, :outputTokens, :cacheWrite5m, :cacheWrite1h, :cacheRead, :serviceTier,
                    :reportedCost, :reportedCurrency, :computedCost, :revisedAt)
                ON CONFLICT (event_id) DO UPDATE SET
                    input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
                    cache_write_5m_tokens = EXCLUDED.cache_write_5m_tokens,
                    cache_write_1h_tokens = EXCLUDED.cache_write_1h_tokens,
                    cache_read_tokens = EXCLUDED.cache_read_tokens,
                    reported_cost = EXCLUDED.reported_cost, reported_currency = EXCLUDED.reported_currency,
                    computed_cost = EXCLUDED.computed_cost, revised_at = EXCLUDED.revised_at
                WHERE spend_bucket.revised_at <= EXCLUDED.revised_at
                """)
                .param("eventId", usage.eventId())
                .param("workspaceId", usage.workspaceId())
                .param("connectionId", usage.connectionId())
                .param("provider", usage.provider().name())
                .param("model", book.canonicalModel(usage.provider(), usage.model()))
                .param("bucketStart", Timestamp.from(usage.bucketStart()))
                .param("bucketEnd", Timestamp.from(usage.bucketEnd()))
                .param("inputTokens", usage.inputTokens())
                .param("outputTokens", usage.outputTokens())
                .param("cacheWrite5m", usage.cacheWrite5mTokens())
                .param("cacheWrite1h", usage.cacheWrite1hTokens())
                .param("cacheRead", usage.cacheReadTokens())
                .param("serviceTier", usage.serviceTier())
                .param("reportedCost", usage.reportedCost() == null ? null : usage.reportedCost().amount())
                .param("reportedCurrency", usage.reportedCost() == null ? null : usage.reportedCost().currency())
                .param("computedCost", computed.amount())
                .param("revisedAt", Timestamp.from(usage.occurredAt()))
                .update();
    }

    /**
     * Spend in USD of buckets starting in [from, to), exact: per key, model and UTC day, what the provider reported
     * if it reported anything, else what the price book makes of the tokens (unpriced tokens add nothing).
     *
     * @param provider only this provider's, or every provider's when null
     * @param connectionId only this key's, or every key's when null
     */
    @Transactional(readOnly = true)
    public BigDecimal spend(String workspaceId, Instant from, Instant to, Provider provider, UUID connectionId) {
        return jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN reported IS NOT NULL THEN reported ELSE computed END), 0)
                FROM (
                    SELECT sum(reported_cost) FILTER (WHERE reported_currency = :usd) AS reported,
                           coalesce(sum(computed_cost), 0) AS computed
                    FROM spend_bucket
                    WHERE workspace_id = :workspaceId AND bucket_start >= :from AND bucket_start < :to
                      AND (CAST(:provider AS text) IS NULL OR provider = :provider)
                      AND (CAST(:connectionId AS uuid) IS NULL OR connection_id = :connectionId)
                    GROUP BY connection_id, model, (bucket_start AT TIME ZONE 'UTC')::date
                ) AS cell
                """)
                .param("usd", USD)
                .param("workspaceId", workspaceId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("provider", provider == null ? null : provider.name())
                .param("connectionId", connectionId)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * The price book's cost of the tokens in hourly buckets starting in [from, to): what spike rules compare, hour
     * with hour. The providers report cost by day only, so a reported day would look like one costly hour.
     */
    @Transactional(readOnly = true)
    public BigDecimal hourlyComputedSpend(String workspaceId, Instant from, Instant to, Provider provider,
            UUID connectionId) {
        return jdbc.sql("""
                SELECT coalesce(sum(computed_cost), 0) FROM spend_bucket
                WHERE workspace_id = :workspaceId AND bucket_start >= :from AND bucket_start < :to
                  AND bucket_end - bucket_start = interval '1 hour'
                  AND (CAST(:provider AS text) IS NULL OR provider = :provider)
                  AND (CAST(:connectionId AS uuid) IS NULL OR connection_id = :connectionId)
                """)
                .param("workspaceId", workspaceId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("provider", provider == null ? null : provider.name())
                .param("connectionId", connectionId)
                .query(BigDecimal.class)
                .single();
    }

    /** Reported cost in one currency of buckets starting in [from, to). */
    @Transactional(readOnly = true)
    public BigDecimal reportedCost(String workspaceId, String currency, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT coalesce(sum(reported_cost), 0) FROM spend_bucket
                WHERE workspace_id = :workspaceId AND reported_currency = :currency
                  AND bucket_start >= :from AND bucket_start < :to
                """)
                .param("workspaceId", workspaceId)
                .param("currency", currency)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(BigDecimal.class)
                .single();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM spend_bucket WHERE workspace_id = ?").param(workspaceId).update();
    }
}
