package io.quotah.analytics.usage;

import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage per bucket, and its hourly and daily rollups. A bucket's event id is derived from the bucket, so a revision
 * replaces the row and a redelivery or replay of any version never counts twice; an older version never overwrites
 * a newer one. The rollups stay exact: the transaction that replaces a bucket adds (new - old) of every figure to
 * them, and one workspace's buckets are written by one transaction at a time (an advisory lock per workspace), so
 * no two writers ever compute a difference from the same old row. A batch of events costs a handful of statements
 * whatever its size: one lock, one read of the stored versions, one upsert of the changed buckets and one upsert per
 * rollup (arrays unnested server-side).
 */
@Repository
public class UsageStore {

    private static final Logger log = LoggerFactory.getLogger(UsageStore.class);
    /** Seeds the hash of a workspace id into the advisory lock key of its usage. */
    private static final long LOCK_SEED = 0x0a11_7105L;
    private static final String USD = "USD";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UsageStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Applies a batch of usage events in one transaction: for each bucket the newest version wins (the latest
     * {@code occurredAt}; on a tie, the later event), and the rollups move by exactly what changed.
     */
    @Transactional
    public Ingested upsertAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return new Ingested(0, 0, 0);
        }
        Map<UUID, UsageEvent> newest = new LinkedHashMap<>();
        for (UsageEvent event : events) {
            UsageEvent usage = atMicros(event);
            newest.merge(usage.eventId(), usage, (held, next) -> next.occurredAt().isBefore(held.occurredAt())
                    ? held : next);
        }
        lockWorkspaces(newest.values().stream().map(UsageEvent::workspaceId).toList());
        Map<UUID, UsageEvent> stored = storedVersions(newest.keySet());

        List<UsageEvent> writes = new ArrayList<>();
        Rollups hourly = new Rollups(usage -> usage.bucketStart().truncatedTo(ChronoUnit.HOURS).toString());
        Rollups daily = new Rollups(usage -> LocalDate.ofInstant(usage.bucketStart(), ZoneOffset.UTC).toString());
        int unchanged = 0;
        int stale = 0;
        for (UsageEvent usage : newest.values()) {
            UsageEvent old = stored.get(usage.eventId());
            if (old != null && old.occurredAt().isAfter(usage.occurredAt())) {
                stale++;
                continue;
            }
            if (old != null && sameFigures(old, usage)) {
                if (old.occurredAt().equals(usage.occurredAt())) {
                    unchanged++;
                } else {
                    writes.add(usage); // newer but equal: only its revision time moves, the rollups do not
                }
                continue;
            }
            if (old != null) {
                hourly.add(old, -1);
                daily.add(old, -1);
            }
            hourly.add(usage, 1);
            daily.add(usage, 1);
            writes.add(usage);
        }
        writeBuckets(writes);
        hourly.write(template, "usage_hourly", "hour", "timestamptz");
        daily.write(template, "usage_daily", "day", "date");
        return new Ingested(writes.size(), unchanged, stale);
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

    /** Deletes the workspace's buckets and rollups; returns how many buckets there were. */
    @Transactional
    public int forgetWorkspace(String workspaceId) {
        lockWorkspaces(List.of(workspaceId));
        jdbc.sql("DELETE FROM usage_hourly WHERE workspace_id = :workspaceId").param("workspaceId", workspaceId)
                .update();
        jdbc.sql("DELETE FROM usage_daily WHERE workspace_id = :workspaceId").param("workspaceId", workspaceId)
                .update();
        return jdbc.sql("DELETE FROM usage_bucket WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    /** Serializes the writers of each workspace's usage, always locking in the same (sorted) order. */
    private void lockWorkspaces(List<String> workspaceIds) {
        String[] sorted = new TreeSet<>(workspaceIds).toArray(String[]::new);
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(hashtextextended(w, ?)))
                    FROM (SELECT w FROM unnest(?::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i OFFSET 0) AS ordered
                    """);
            statement.setLong(1, LOCK_SEED);
            statement.setArray(2, connection.createArrayOf("text", sorted));
            return statement;
        }, (ResultSet rs) -> null);
    }

    private Map<UUID, UsageEvent> storedVersions(Set<UUID> ids) {
        String[] keys = ids.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, UsageEvent> stored = new HashMap<>();
        template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM usage_bucket WHERE event_id = ANY(?::uuid[])");
            statement.setArray(1, connection.createArrayOf("text", keys));
            return statement;
        }, (ResultSet rs) -> {
            UsageEvent usage = version(rs);
            stored.put(usage.eventId(), usage);
        });
        return stored;
    }

    private static UsageEvent version(ResultSet rs) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("reported_cost");
        long reasoning = rs.getLong("reasoning_tokens");
        Long reasoningTokens = rs.wasNull() ? null : reasoning;
        return new UsageEvent(rs.getObject("event_id", UUID.class), rs.getString("workspace_id"),
                rs.getTimestamp("revised_at").toInstant(), UsageEvent.SCHEMA_VERSION,
                rs.getObject("connection_id", UUID.class), Provider.valueOf(rs.getString("provider")),
                rs.getString("provider_key_id"), rs.getString("model"), rs.getTimestamp("bucket_start").toInstant(),
                rs.getTimestamp("bucket_end").toInstant(), rs.getLong("requests"), rs.getLong("input_tokens"),
                rs.getLong("output_tokens"), rs.getLong("cache_write_5m_tokens"), rs.getLong("cache_write_1h_tokens"),
                rs.getLong("cache_read_tokens"), reasoningTokens, rs.getString("service_tier"),
                cost == null ? null : new Money(cost, rs.getString("reported_currency").strip()),
                UsageSource.valueOf(rs.getString("source")));
    }

    private void writeBuckets(List<UsageEvent> writes) {
        if (writes.isEmpty()) {
            return;
        }
        TextColumns columns = new TextColumns(20, writes.size());
        for (UsageEvent usage : writes) {
            if (usage.reportedCost() != null && !USD.equals(usage.reportedCost().currency())) {
                log.warn("usage event {} of workspace {} reports its cost in {}: kept, but not added to USD costs",
                        usage.eventId(), usage.workspaceId(), usage.reportedCost().currency());
            }
            columns.row(usage.eventId(), usage.workspaceId(), usage.connectionId(), usage.provider().name(),
                    usage.providerKeyId(), usage.model(), usage.serviceTier(), usage.source().name(),
                    usage.bucketStart(), usage.bucketEnd(), usage.requests(), usage.inputTokens(),
                    usage.outputTokens(), usage.cacheWrite5mTokens(), usage.cacheWrite1hTokens(),
                    usage.cacheReadTokens(), usage.reasoningTokens(),
                    usage.reportedCost() == null ? null : usage.reportedCost().amount(),
                    usage.reportedCost() == null ? null : usage.reportedCost().currency(), usage.occurredAt());
        }
        columns.execute(template, """
                INSERT INTO usage_bucket (event_id, workspace_id, connection_id, provider, provider_key_id, model,
                    service_tier, source, bucket_start, bucket_end, requests, input_tokens, output_tokens,
                    cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens, reasoning_tokens,
                    reported_cost, reported_currency, revised_at)
                SELECT e::uuid, w, c::uuid, p, k, m, t, s, bs::timestamptz, be::timestamptz, r::bigint, i::bigint,
                    o::bigint, w5::bigint, w1::bigint, cr::bigint, rs::bigint, rc::numeric, cur, ra::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[])
                    AS u(e, w, c, p, k, m, t, s, bs, be, r, i, o, w5, w1, cr, rs, rc, cur, ra)
                ON CONFLICT (event_id) DO UPDATE SET
                    workspace_id = EXCLUDED.workspace_id,
                    connection_id = EXCLUDED.connection_id,
                    provider = EXCLUDED.provider,
                    provider_key_id = EXCLUDED.provider_key_id,
                    model = EXCLUDED.model,
                    service_tier = EXCLUDED.service_tier,
                    source = EXCLUDED.source,
                    bucket_start = EXCLUDED.bucket_start,
                    bucket_end = EXCLUDED.bucket_end,
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
                """);
    }

    /** Whether two versions of a bucket say the same (their revision time aside). */
    private static boolean sameFigures(UsageEvent a, UsageEvent b) {
        return a.workspaceId().equals(b.workspaceId()) && a.connectionId().equals(b.connectionId())
                && a.provider() == b.provider() && Objects.equals(a.providerKeyId(), b.providerKeyId())
                && a.model().equals(b.model()) && Objects.equals(a.serviceTier(), b.serviceTier())
                && a.source() == b.source() && a.bucketStart().equals(b.bucketStart())
                && a.bucketEnd().equals(b.bucketEnd()) && a.requests() == b.requests()
                && a.inputTokens() == b.inputTokens() && a.outputTokens() == b.outputTokens()
                && a.cacheWrite5mTokens() == b.cacheWrite5mTokens() && a.cacheWrite1hTokens() == b.cacheWrite1hTokens()
                && a.cacheReadTokens() == b.cacheReadTokens() && Objects.equals(a.reasoningTokens(), b.reasoningTokens())
                && sameMoney(a.reportedCost(), b.reportedCost());
    }

    private static boolean sameMoney(Money a, Money b) {
        return a == null ? b == null
                : b != null && a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    /** PostgreSQL keeps microseconds: compare revision times as they will be stored. */
    private static UsageEvent atMicros(UsageEvent usage) {
        Instant at = usage.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (at.equals(usage.occurredAt())) {
            return usage;
        }
        return new UsageEvent(usage.eventId(), usage.workspaceId(), at, usage.schemaVersion(), usage.connectionId(),
                usage.provider(), usage.providerKeyId(), usage.model(), usage.bucketStart(), usage.bucketEnd(),
                usage.requests(), usage.inputTokens(), usage.outputTokens(), usage.cacheWrite5mTokens(),
                usage.cacheWrite1hTokens(), usage.cacheReadTokens(), usage.reasoningTokens(), usage.serviceTier(),
                usage.reportedCost(), usage.source());
    }

    /** What a batch changes in one rollup table: the sum of each key's differences. */
    private static final class Rollups {

        private final Function<UsageEvent, String> period;
        private final Map<List<String>, long[]> counts = new LinkedHashMap<>();
        private final Map<List<String>, BigDecimal> reportedCosts = new HashMap<>();

        Rollups(Function<UsageEvent, String> period) {
            this.period = period;
        }

        void add(UsageEvent usage, int sign) {
            List<String> key = Arrays.asList(usage.workspaceId(), period.apply(usage),
                    usage.connectionId().toString(), usage.provider().name(),
                    Objects.requireNonNullElse(usage.providerKeyId(), ""), usage.model(),
                    Objects.requireNonNullElse(usage.serviceTier(), ""), usage.source().name());
            boolean reported = usage.reportedCost() != null && USD.equals(usage.reportedCost().currency());
            long[] sums = counts.computeIfAbsent(key, k -> new long[9]);
            long[] figures = {1, usage.requests(), usage.inputTokens(), usage.outputTokens(),
                    usage.cacheWrite5mTokens(), usage.cacheWrite1hTokens(), usage.cacheReadTokens(),
                    Objects.requireNonNullElse(usage.reasoningTokens(), 0L), reported ? 1 : 0};
            for (int index = 0; index < figures.length; index++) {
                sums[index] = Math.addExact(sums[index], sign * figures[index]);
            }
            if (reported) {
                BigDecimal amount = usage.reportedCost().amount();
                reportedCosts.merge(key, sign < 0 ? amount.negate() : amount, BigDecimal::add);
            }
        }

        void write(JdbcTemplate template, String table, String periodColumn, String periodType) {
            TextColumns columns = new TextColumns(18, counts.size());
            counts.forEach((key, sums) -> {
                BigDecimal cost = reportedCosts.getOrDefault(key, BigDecimal.ZERO);
                if (cost.signum() == 0 && Arrays.stream(sums).allMatch(sum -> sum == 0)) {
                    return; // a version that changed nothing here
                }
                Object[] row = new Object[18];
                for (int index = 0; index < 8; index++) {
                    row[index] = key.get(index);
                    row[8 + index] = sums[index];
                }
                row[16] = cost;
                row[17] = sums[8];
                columns.row(row);
            });
            if (columns.isEmpty()) {
                return;
            }
            columns.execute(template, """
                    INSERT INTO %1$s (workspace_id, %2$s, connection_id, provider, provider_key_id, model,
                        service_tier, source, buckets, requests, input_tokens, output_tokens, cache_write_5m_tokens,
                        cache_write_1h_tokens, cache_read_tokens, reasoning_tokens, reported_cost, reported_buckets)
                    SELECT w, d::%3$s, c::uuid, p, k, m, t, s, b::bigint, r::bigint, i::bigint, o::bigint,
                        w5::bigint, w1::bigint, cr::bigint, rs::bigint, rc::numeric, rb::bigint
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                        AS u(w, d, c, p, k, m, t, s, b, r, i, o, w5, w1, cr, rs, rc, rb)
                    ON CONFLICT (workspace_id, %2$s, connection_id, provider, provider_key_id, model, service_tier,
                        source) DO UPDATE SET
                        buckets = %1$s.buckets + EXCLUDED.buckets,
                        requests = %1$s.requests + EXCLUDED.requests,
                        input_tokens = %1$s.input_tokens + EXCLUDED.input_tokens,
                        output_tokens = %1$s.output_tokens + EXCLUDED.output_tokens,
                        cache_write_5m_tokens = %1$s.cache_write_5m_tokens + EXCLUDED.cache_write_5m_tokens,
                        cache_write_1h_tokens = %1$s.cache_write_1h_tokens + EXCLUDED.cache_write_1h_tokens,
                        cache_read_tokens = %1$s.cache_read_tokens + EXCLUDED.cache_read_tokens,
                        reasoning_tokens = %1$s.reasoning_tokens + EXCLUDED.reasoning_tokens,
                        reported_cost = %1$s.reported_cost + EXCLUDED.reported_cost,
                        reported_buckets = %1$s.reported_buckets + EXCLUDED.reported_buckets
                    """.formatted(table, periodColumn, periodType));
        }
    }

    /** One day of a workspace's usage. */
    public record DailyUsage(LocalDate day, long requests, long inputTokens, long outputTokens) {

        public Instant start() {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** What a batch did: buckets written, versions already stored (redeliveries), and older versions ignored. */
    public record Ingested(int written, int unchanged, int stale) {
    }
}
