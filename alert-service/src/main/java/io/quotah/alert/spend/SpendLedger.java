package io.quotah.alert.spend;

import io.quotah.contracts.events.UsageEvent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reported spend per usage bucket, upserted by the bucket's event id so a revision replaces and a replay
 * never adds: what budget rules evaluate.
 */
@Repository
public class SpendLedger {

    private final JdbcClient jdbc;

    SpendLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(UsageEvent usage) {
        jdbc.sql("""
                INSERT INTO spend_bucket (event_id, workspace_id, connection_id, provider, model, bucket_start,
                    bucket_end, input_tokens, output_tokens, reported_cost, reported_currency, revised_at)
                VALUES (:eventId, :workspaceId, :connectionId, :provider, :model, :bucketStart, :bucketEnd,
                    :inputTokens, :outputTokens, :reportedCost, :reportedCurrency, :revisedAt)
                ON CONFLICT (event_id) DO UPDATE SET
                    input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
                    reported_cost = EXCLUDED.reported_cost, reported_currency = EXCLUDED.reported_currency,
                    revised_at = EXCLUDED.revised_at
                WHERE spend_bucket.revised_at <= EXCLUDED.revised_at
                """)
                .param("eventId", usage.eventId())
                .param("workspaceId", usage.workspaceId())
                .param("connectionId", usage.connectionId())
                .param("provider", usage.provider().name())
                .param("model", usage.model())
                .param("bucketStart", Timestamp.from(usage.bucketStart()))
                .param("bucketEnd", Timestamp.from(usage.bucketEnd()))
                .param("inputTokens", usage.inputTokens())
                .param("outputTokens", usage.outputTokens())
                .param("reportedCost", usage.reportedCost() == null ? null : usage.reportedCost().amount())
                .param("reportedCurrency", usage.reportedCost() == null ? null : usage.reportedCost().currency())
                .param("revisedAt", Timestamp.from(usage.occurredAt()))
                .update();
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
