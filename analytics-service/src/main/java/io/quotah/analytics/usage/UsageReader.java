package io.quotah.analytics.usage;

import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.TokenCounts;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a workspace's usage: summed per key, model, tier and day for costing (from the rollups where whole hours
 * and days allow, from the buckets at the ragged edges), or bucket by bucket for the list and the export. Every
 * query is bounded to the workspace given.
 */
@Repository
public class UsageReader {

    /** Rows fetched per round trip when an export streams through a cursor. */
    private static final int CURSOR_FETCH = 1000;

    private static final String FIGURES = """
            requests, input_tokens, output_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens,
            reasoning_tokens, reported_cost, reported_buckets""";

    private final JdbcClient jdbc;
    private final JdbcClient cursor;
    private final TransactionTemplate readOnly;
    private final PriceBook book;

    UsageReader(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, PriceBook book) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(CURSOR_FETCH);
        this.cursor = JdbcClient.create(new NamedParameterJdbcTemplate(streaming));
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.book = book;
    }

    /** The usage of the filter's range summed per key, model, tier and UTC day of bucket start. */
    @Transactional(readOnly = true)
    public List<UsagePart> parts(String workspaceId, UsageFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String conditions = conditions(workspaceId, filter, params);
        if (conditions == null) {
            return List.of();
        }
        RangePlan plan = RangePlan.of(filter.from(), filter.to());
        List<String> selects = new ArrayList<>();
        int index = 0;
        for (RangePlan.Segment days : plan.days()) {
            selects.add("SELECT connection_id, provider, model, service_tier, day, " + FIGURES
                    + " FROM usage_daily WHERE day >= :s" + index + " AND day < :e" + index + conditions);
            params.put("s" + index, Date.valueOf(LocalDate.ofInstant(days.start(), ZoneOffset.UTC)));
            params.put("e" + index, Date.valueOf(LocalDate.ofInstant(days.end(), ZoneOffset.UTC)));
            index++;
        }
        for (RangePlan.Segment hours : plan.hours()) {
            selects.add("SELECT connection_id, provider, model, service_tier, (hour AT TIME ZONE 'UTC')::date AS day, "
                    + FIGURES + " FROM usage_hourly WHERE hour >= :s" + index + " AND hour < :e" + index + conditions);
            params.put("s" + index, Timestamp.from(hours.start()));
            params.put("e" + index, Timestamp.from(hours.end()));
            index++;
        }
        for (RangePlan.Segment buckets : plan.buckets()) {
            selects.add("""
                    SELECT connection_id, provider, model, coalesce(service_tier, '') AS service_tier,
                        (bucket_start AT TIME ZONE 'UTC')::date AS day, requests, input_tokens, output_tokens,
                        cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens,
                        coalesce(reasoning_tokens, 0) AS reasoning_tokens,
                        CASE WHEN reported_currency = 'USD' THEN reported_cost ELSE 0 END AS reported_cost,
                        CASE WHEN reported_currency = 'USD' THEN 1 ELSE 0 END AS reported_buckets
                    FROM usage_bucket WHERE bucket_start >= :s%1$d AND bucket_start < :e%1$d""".formatted(index)
                    + conditions);
            params.put("s" + index, Timestamp.from(buckets.start()));
            params.put("e" + index, Timestamp.from(buckets.end()));
            index++;
        }
        if (selects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT connection_id, provider, model, service_tier, day, sum(requests) AS requests,
                    sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                    sum(cache_write_5m_tokens) AS cache_write_5m_tokens,
                    sum(cache_write_1h_tokens) AS cache_write_1h_tokens, sum(cache_read_tokens) AS cache_read_tokens,
                    sum(reasoning_tokens) AS reasoning_tokens, sum(reported_cost) AS reported_cost,
                    sum(reported_buckets) AS reported_buckets
                FROM (%s) AS parts
                GROUP BY connection_id, provider, model, service_tier, day
                """.formatted(String.join("\nUNION ALL\n", selects)))
                .params(params)
                .query((rs, row) -> new UsagePart(rs.getObject("connection_id", UUID.class),
                        Provider.valueOf(rs.getString("provider")), rs.getString("model"),
                        rs.getString("service_tier"), rs.getObject("day", LocalDate.class), rs.getLong("requests"),
                        new TokenCounts(rs.getLong("input_tokens"), rs.getLong("cache_write_5m_tokens"),
                                rs.getLong("cache_write_1h_tokens"), rs.getLong("cache_read_tokens"),
                                rs.getLong("output_tokens")),
                        rs.getLong("reasoning_tokens"), rs.getBigDecimal("reported_cost"),
                        rs.getLong("reported_buckets")))
                .list();
    }

    /** One page of the filter's buckets, by bucket start, then model. */
    @Transactional(readOnly = true)
    public Page page(String workspaceId, UsageFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String conditions = conditions(workspaceId, filter, params);
        if (conditions == null) {
            return new Page(List.of(), 0);
        }
        params.put("from", Timestamp.from(filter.from()));
        params.put("to", Timestamp.from(filter.to()));
        String where = " FROM usage_bucket WHERE bucket_start >= :from AND bucket_start < :to" + conditions;
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<UsageRow> rows = jdbc.sql("SELECT *" + where
                        + " ORDER BY bucket_start, model, event_id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> row(rs))
                .list();
        return new Page(rows, total);
    }

    /**
     * Hands every bucket of the filter to {@code each}, in the list's order, through a database cursor: an export
     * of any size holds one fetch of rows in memory at a time.
     */
    public void forEach(String workspaceId, UsageFilter filter, Consumer<UsageRow> each) {
        readOnly.executeWithoutResult(status -> {
            Map<String, Object> params = new HashMap<>();
            String conditions = conditions(workspaceId, filter, params);
            if (conditions == null) {
                return;
            }
            params.put("from", Timestamp.from(filter.from()));
            params.put("to", Timestamp.from(filter.to()));
            cursor.sql("SELECT * FROM usage_bucket WHERE bucket_start >= :from AND bucket_start < :to" + conditions
                            + " ORDER BY bucket_start, model, event_id")
                    .params(params)
                    .query(rs -> {
                        each.accept(row(rs));
                    });
        });
    }

    /**
     * The conditions every query of a workspace's usage carries, or null when nothing can match (a model filter
     * that names no model the workspace used).
     */
    private String conditions(String workspaceId, UsageFilter filter, Map<String, Object> params) {
        StringBuilder conditions = new StringBuilder(" AND workspace_id = :workspace");
        params.put("workspace", workspaceId);
        if (filter.provider() != null) {
            conditions.append(" AND provider = :provider");
            params.put("provider", filter.provider().name());
        }
        if (filter.keyId() != null) {
            conditions.append(" AND connection_id = :keyId");
            params.put("keyId", filter.keyId());
        }
        if (filter.model() != null) {
            List<String> models = modelsNamed(workspaceId, filter);
            if (models.isEmpty()) {
                return null;
            }
            conditions.append(" AND model IN (:models)");
            params.put("models", models);
        }
        return conditions.toString();
    }

    /** The names the workspace's usage reports the filter's model by: any snapshot or alias of it. */
    private List<String> modelsNamed(String workspaceId, UsageFilter filter) {
        String wanted = filter.model().toLowerCase(Locale.ROOT);
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspaceId);
        String provider = "";
        if (filter.provider() != null) {
            provider = " AND provider = :provider";
            params.put("provider", filter.provider().name());
        }
        return jdbc.sql("SELECT DISTINCT provider, model FROM usage_daily WHERE workspace_id = :workspace" + provider)
                .params(params)
                .query((rs, row) -> {
                    Provider reportedBy = Provider.valueOf(rs.getString("provider"));
                    String model = rs.getString("model");
                    boolean named = model.toLowerCase(Locale.ROOT).equals(wanted)
                            || book.canonicalModel(reportedBy, model).equalsIgnoreCase(
                                    book.canonicalModel(reportedBy, filter.model()));
                    return named ? model : null;
                })
                .list().stream().filter(Objects::nonNull).distinct().toList();
    }

    private static UsageRow row(ResultSet rs) throws SQLException {
        long reasoning = rs.getLong("reasoning_tokens");
        Long reasoningTokens = rs.wasNull() ? null : reasoning;
        String currency = rs.getString("reported_currency");
        return new UsageRow(rs.getObject("event_id", UUID.class), rs.getObject("connection_id", UUID.class),
                Provider.valueOf(rs.getString("provider")), rs.getString("provider_key_id"), rs.getString("model"),
                rs.getString("service_tier"), UsageSource.valueOf(rs.getString("source")),
                rs.getTimestamp("bucket_start").toInstant(), rs.getTimestamp("bucket_end").toInstant(),
                rs.getLong("requests"), new TokenCounts(rs.getLong("input_tokens"),
                        rs.getLong("cache_write_5m_tokens"), rs.getLong("cache_write_1h_tokens"),
                        rs.getLong("cache_read_tokens"), rs.getLong("output_tokens")),
                reasoningTokens, rs.getBigDecimal("reported_cost"), currency == null ? null : currency.strip());
    }

    /** A page of buckets and how many the filter matches in all. */
    public record Page(List<UsageRow> rows, long totalItems) {
    }
}
