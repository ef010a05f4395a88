package io.quotah.analytics.history;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.headroom.UsedPercent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate-limit snapshots as received, the newest snapshot of each series (a connection and model), and every
 * window downsampled to 5-minute buckets: the history behind charts and the source the live state is rebuilt
 * from.
 */
@Repository
public class SnapshotHistory {

    static final Duration BUCKET = Duration.ofMinutes(5);

    /** Stands for "no model named" where the model is part of a key. */
    private static final String NO_MODEL = "";

    private static final Comparator<HistoryPoint> POINT_ORDER = Comparator.comparing(HistoryPoint::capturedAt)
            .thenComparing(HistoryPoint::model, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(HistoryPoint::kind);

    private final JdbcClient jdbc;

    SnapshotHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a snapshot once; a redelivered snapshot changes nothing. Returns whether it was new. */
    @Transactional
    public boolean record(RateLimitSnapshot snapshot) {
        int inserted = jdbc.sql("""
                INSERT INTO rate_limit_snapshot
                    (event_id, workspace_id, connection_id, provider, model, source, captured_at, retry_after)
                VALUES (:eventId, :workspaceId, :connectionId, :provider, :model, :source, :capturedAt,
                        make_interval(secs => :retryAfterSeconds))
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", snapshot.eventId())
                .param("workspaceId", snapshot.workspaceId())
                .param("connectionId", snapshot.connectionId())
                .param("provider", snapshot.provider().name())
                .param("model", snapshot.model())
                .param("source", snapshot.source().name())
                .param("capturedAt", timestamp(snapshot.capturedAt()))
                .param("retryAfterSeconds", snapshot.retryAfter() == null ? null
                        : (double) snapshot.retryAfter().toMillis() / 1000)
                .update();
        if (inserted == 0) {
            return false;
        }
        for (RateLimitWindow window : snapshot.windows()) {
            jdbc.sql("""
                    INSERT INTO rate_limit_window (event_id, kind, limit_value, remaining, reset_at)
                    VALUES (:eventId, :kind, :limit, :remaining, :resetAt)
                    """)
                    .param("eventId", snapshot.eventId())
                    .param("kind", window.kind().name())
                    .param("limit", window.limit())
                    .param("remaining", window.remaining())
                    .param("resetAt", timestamp(window.resetAt()))
                    .update();
            addToBucket(snapshot, window);
        }
        jdbc.sql("""
                INSERT INTO rate_limit_series_latest (workspace_id, connection_id, model, event_id, captured_at)
                VALUES (:workspaceId, :connectionId, :model, :eventId, :capturedAt)
                ON CONFLICT (workspace_id, connection_id, model) DO UPDATE SET
                    event_id = EXCLUDED.event_id,
                    captured_at = EXCLUDED.captured_at
                WHERE rate_limit_series_latest.captured_at < EXCLUDED.captured_at
                """)
                .param("workspaceId", snapshot.workspaceId())
                .param("connectionId", snapshot.connectionId())
                .param("model", modelKey(snapshot.model()))
                .param("eventId", snapshot.eventId())
                .param("capturedAt", timestamp(snapshot.capturedAt()))
                .update();
        return true;
    }

    /** Runs once per new snapshot (never for a redelivery), so a bucket's sample count is exact. */
    private void addToBucket(RateLimitSnapshot snapshot, RateLimitWindow window) {
        jdbc.sql("""
                INSERT INTO rate_limit_window_5m AS b (workspace_id, connection_id, bucket_start, model, kind,
                    min_remaining, last_remaining, limit_value, last_captured_at, samples)
                VALUES (:workspaceId, :connectionId, :bucketStart, :model, :kind, :remaining, :remaining, :limit,
                    :capturedAt, 1)
                ON CONFLICT (workspace_id, connection_id, bucket_start, model, kind) DO UPDATE SET
                    min_remaining = LEAST(b.min_remaining, EXCLUDED.min_remaining),
                    last_remaining = CASE WHEN EXCLUDED.last_captured_at >= b.last_captured_at
                        THEN EXCLUDED.last_remaining ELSE b.last_remaining END,
                    limit_value = CASE WHEN EXCLUDED.last_captured_at >= b.last_captured_at
                        THEN EXCLUDED.limit_value ELSE b.limit_value END,
                    last_captured_at = GREATEST(b.last_captured_at, EXCLUDED.last_captured_at),
                    samples = b.samples + 1
                """)
                .param("workspaceId", snapshot.workspaceId())
                .param("connectionId", snapshot.connectionId())
                .param("bucketStart", timestamp(bucketStart(snapshot.capturedAt())))
                .param("model", modelKey(snapshot.model()))
                .param("kind", window.kind().name())
                .param("remaining", window.remaining())
                .param("limit", window.limit())
                .param("capturedAt", timestamp(snapshot.capturedAt()))
                .update();
    }

    /**
     * The newest snapshot of every series of a workspace, and every snapshot captured since {@code since},
     * oldest first: what the live state is made of.
     */
    @Transactional(readOnly = true)
    public List<RateLimitSnapshot> latestAndSince(String workspaceId, Instant since) {
        Map<UUID, SnapshotRows> byEvent = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.event_id, s.connection_id, s.provider, s.model, s.source, s.captured_at, s.received_at,
                       extract(epoch FROM s.retry_after) AS retry_after_seconds,
                       w.kind, w.limit_value, w.remaining, w.reset_at
                FROM rate_limit_snapshot s
                LEFT JOIN rate_limit_window w ON w.event_id = s.event_id
                WHERE s.workspace_id = :workspaceId
                  AND (s.captured_at >= :since OR s.event_id IN (
                        SELECT event_id FROM rate_limit_series_latest WHERE workspace_id = :workspaceId))
                ORDER BY s.captured_at, s.event_id
                """)
                .param("workspaceId", workspaceId)
                .param("since", timestamp(since))
                .query((RowCallbackHandler) rs -> {
                    UUID eventId = rs.getObject("event_id", UUID.class);
                    SnapshotRows rows = byEvent.get(eventId);
                    if (rows == null) {
                        rows = SnapshotRows.read(rs);
                        byEvent.put(eventId, rows);
                    }
                    if (rs.getString("kind") != null) {
                        rows.windows().add(new RateLimitWindow(WindowKind.valueOf(rs.getString("kind")),
                                nullableLong(rs, "limit_value"), nullableLong(rs, "remaining"),
                                instant(rs, "reset_at")));
                    }
                });
        return byEvent.entrySet().stream().map(entry -> entry.getValue().snapshot(entry.getKey(), workspaceId)).toList();
    }

    /** Whether the workspace has any history of this connection: another workspace's key is unknown here. */
    @Transactional(readOnly = true)
    public boolean hasHistory(String workspaceId, UUID connectionId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM rate_limit_snapshot WHERE workspace_id = :workspaceId
                                   AND connection_id = :connectionId)
                    OR EXISTS (SELECT 1 FROM rate_limit_window_5m WHERE workspace_id = :workspaceId
                                   AND connection_id = :connectionId)
                """)
                .param("workspaceId", workspaceId)
                .param("connectionId", connectionId)
                .query(Boolean.class)
                .single();
    }

    /** Every window of every snapshot captured in [from, to], optionally of one kind. */
    @Transactional(readOnly = true)
    List<HistoryPoint> rawPoints(String workspaceId, UUID connectionId, Instant from, Instant to, WindowKind kind) {
        return jdbc.sql("""
                SELECT s.captured_at AS at, s.model, w.kind, w.limit_value, w.remaining
                FROM rate_limit_snapshot s
                JOIN rate_limit_window w ON w.event_id = s.event_id
                WHERE s.workspace_id = :workspaceId AND s.connection_id = :connectionId
                  AND s.captured_at >= :from AND s.captured_at <= :to
                """ + (kind == null ? "" : " AND w.kind = :kind"))
                .param("workspaceId", workspaceId)
                .param("connectionId", connectionId)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .params(kind == null ? Map.of() : Map.of("kind", kind.name()))
                .query((rs, row) -> point(rs, "remaining", rs.getString("model")))
                .list()
                .stream().sorted(POINT_ORDER).toList();
    }

    /**
     * The 5-minute buckets that overlap [from, to], optionally of one kind. A bucket's point is at its start and
     * shows its lowest remaining: the closest the window came to its limit then.
     */
    @Transactional(readOnly = true)
    List<HistoryPoint> fiveMinutePoints(String workspaceId, UUID connectionId, Instant from, Instant to,
            WindowKind kind) {
        return jdbc.sql("""
                SELECT bucket_start AS at, model, kind, limit_value, min_remaining
                FROM rate_limit_window_5m
                WHERE workspace_id = :workspaceId AND connection_id = :connectionId
                  AND bucket_start >= :from AND bucket_start <= :to
                """ + (kind == null ? "" : " AND kind = :kind"))
                .param("workspaceId", workspaceId)
                .param("connectionId", connectionId)
                .param("from", timestamp(bucketStart(from)))
                .param("to", timestamp(to))
                .params(kind == null ? Map.of() : Map.of("kind", kind.name()))
                .query((rs, row) -> point(rs, "min_remaining", modelOf(rs.getString("model"))))
                .list()
                .stream().sorted(POINT_ORDER).toList();
    }

    /**
     * Drops raw snapshots captured before {@code cutoff}, except the newest of each series, which the live
     * state is rebuilt from; returns how many. Their 5-minute buckets stay.
     */
    @Transactional
    public int forgetCapturedBefore(Instant cutoff) {
        return jdbc.sql("""
                DELETE FROM rate_limit_snapshot s
                WHERE s.captured_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM rate_limit_series_latest l WHERE l.event_id = s.event_id)
                """)
                .param("cutoff", timestamp(cutoff))
                .update();
    }

    /** Drops 5-minute buckets that start before {@code cutoff}; returns how many. */
    @Transactional
    public int forgetBucketsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM rate_limit_window_5m WHERE bucket_start < :cutoff")
                .param("cutoff", timestamp(cutoff))
                .update();
    }

    /** Drops every snapshot and bucket of a workspace; returns how many snapshots. */
    @Transactional
    public int forgetWorkspace(String workspaceId) {
        jdbc.sql("DELETE FROM rate_limit_window_5m WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
        return jdbc.sql("DELETE FROM rate_limit_snapshot WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    static Instant bucketStart(Instant instant) {
        long size = BUCKET.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), size) * size);
    }

    private static HistoryPoint point(ResultSet rs, String remainingColumn, String model) throws SQLException {
        Long limit = nullableLong(rs, "limit_value");
        Long remaining = nullableLong(rs, remainingColumn);
        return new HistoryPoint(instant(rs, "at"), model, WindowKind.valueOf(rs.getString("kind")), limit, remaining,
                UsedPercent.of(limit, remaining));
    }

    private static String modelKey(String model) {
        return model == null ? NO_MODEL : model;
    }

    private static String modelOf(String key) {
        return NO_MODEL.equals(key) ? null : key;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** One snapshot being read back from its rows (one per window). */
    private record SnapshotRows(UUID connectionId, Provider provider, String model, SnapshotSource source,
            Instant capturedAt, Instant receivedAt, Duration retryAfter, List<RateLimitWindow> windows) {

        static SnapshotRows read(ResultSet rs) throws SQLException {
            BigDecimal retryAfterSeconds = rs.getBigDecimal("retry_after_seconds");
            return new SnapshotRows(rs.getObject("connection_id", UUID.class), Provider.valueOf(rs.getString("provider")),
                    rs.getString("model"), SnapshotSource.valueOf(rs.getString("source")), instant(rs, "captured_at"),
                    instant(rs, "received_at"), retryAfterSeconds == null ? null
                            : Duration.ofMillis(retryAfterSeconds.movePointRight(3).longValue()),
                    new ArrayList<>());
        }

        RateLimitSnapshot snapshot(UUID eventId, String workspaceId) {
            return new RateLimitSnapshot(eventId, workspaceId, receivedAt, RateLimitSnapshot.SCHEMA_VERSION,
                    connectionId, provider, model, capturedAt, source, windows, retryAfter);
        }
    }
}
