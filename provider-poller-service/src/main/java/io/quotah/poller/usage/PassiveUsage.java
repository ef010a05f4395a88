package io.quotah.poller.usage;

import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.provider.UsageReading;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage objects of observed responses, summed per key, hour, model and tier. Each observation republishes
 * its hour's totals as the same UsageEvent, which consumers replace: a redelivered event never counts twice.
 */
@Component
public class PassiveUsage {

    private final JdbcClient jdbc;
    private final EventPublisher events;

    PassiveUsage(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Adds one response's usage. The hour's row stays locked until its event is on the broker, so two
     * observations of one hour publish their totals in the order they summed them.
     */
    @Transactional
    public UsageEvent record(Connection connection, Instant observedAt, String requestedModel, UsageReading usage) {
        String model = usage.model() != null ? usage.model() : requestedModel != null ? requestedModel : "unknown";
        String tier = usage.serviceTier() == null ? "" : usage.serviceTier();
        Instant hour = observedAt.truncatedTo(ChronoUnit.HOURS);
        UsageEvent totals = jdbc.sql("""
                INSERT INTO passive_usage AS p (connection_id, hour, model, service_tier, requests, input_tokens,
                    output_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens, reasoning_tokens)
                VALUES (:id, :hour, :model, :tier, 1, :input, :output, :write5m, :write1h, :read, :reasoning)
                ON CONFLICT (connection_id, hour, model, service_tier) DO UPDATE SET
                    requests = p.requests + 1,
                    input_tokens = p.input_tokens + excluded.input_tokens,
                    output_tokens = p.output_tokens + excluded.output_tokens,
                    cache_write_5m_tokens = p.cache_write_5m_tokens + excluded.cache_write_5m_tokens,
                    cache_write_1h_tokens = p.cache_write_1h_tokens + excluded.cache_write_1h_tokens,
                    cache_read_tokens = p.cache_read_tokens + excluded.cache_read_tokens,
                    reasoning_tokens = CASE WHEN p.reasoning_tokens IS NULL AND excluded.reasoning_tokens IS NULL
                        THEN NULL ELSE COALESCE(p.reasoning_tokens, 0) + COALESCE(excluded.reasoning_tokens, 0) END
                RETURNING requests, input_tokens, output_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                    cache_read_tokens, reasoning_tokens
                """)
                .param("id", connection.id())
                .param("hour", Timestamp.from(hour))
                .param("model", model)
                .param("tier", tier)
                .param("input", usage.inputTokens())
                .param("output", usage.outputTokens())
                .param("write5m", usage.cacheWrite5mTokens())
                .param("write1h", usage.cacheWrite1hTokens())
                .param("read", usage.cacheReadTokens())
                .param("reasoning", usage.reasoningTokens())
                .query((row, n) -> {
                    UUID eventId = UsageEvent.idFor(connection.provider(), connection.id(), null, hour,
                            hour.plus(Duration.ofHours(1)), model, tier.isEmpty() ? null : tier, UsageSource.PASSIVE);
                    Long reasoning = row.getObject("reasoning_tokens", Long.class);
                    return new UsageEvent(eventId, connection.workspaceId(), Instant.now(), UsageEvent.SCHEMA_VERSION,
                            connection.id(), connection.provider(), null, model, hour, hour.plus(Duration.ofHours(1)),
                            row.getLong("requests"), row.getLong("input_tokens"), row.getLong("output_tokens"),
                            row.getLong("cache_write_5m_tokens"), row.getLong("cache_write_1h_tokens"),
                            row.getLong("cache_read_tokens"), reasoning,
                            tier.isEmpty() ? null : tier, null, UsageSource.PASSIVE);
                })
                .single();
        try {
            events.publish(totals).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing usage", e);
        } catch (ExecutionException | TimeoutException e) {
            // rolls the sum back: the customer's code may send the observation again
            throw new IllegalStateException("the usage could not be published: " + e.getMessage(), e);
        }
        return totals;
    }
}
