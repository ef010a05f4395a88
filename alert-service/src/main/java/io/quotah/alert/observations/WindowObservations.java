package io.quotah.alert.observations;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.headroom.BurnRate;
import io.quotah.contracts.headroom.UsedPercent;
import io.quotah.platform.inbox.ProcessedEvents;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newest reading of every limit window and how often each connection was heard from: the state that
 * rate-limit and stale-data rules evaluate. Each snapshot is applied once, however often it is delivered.
 */
@Repository
public class WindowObservations {

    static final String CONSUMER = "alert-observations";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;

    WindowObservations(JdbcClient jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    /** Returns false for a snapshot already applied. */
    @Transactional
    public boolean apply(RateLimitSnapshot snapshot) {
        if (!processed.firstDelivery(CONSUMER, snapshot.eventId())) {
            return false;
        }
        Timestamp capturedAt = Timestamp.from(snapshot.capturedAt());
        for (RateLimitWindow window : snapshot.windows()) {
            if (window.limit() == null || window.remaining() == null) {
                // configured limits without a live reading (the Admin API's) say nothing of headroom; they must not
                // overwrite a live reading of the same window either
                continue;
            }
            jdbc.sql("""
                    INSERT INTO window_sample (connection_id, model_key, kind, captured_at, workspace_id, limit_value,
                        remaining)
                    VALUES (:connectionId, :modelKey, :kind, :capturedAt, :workspaceId, :limit, :remaining)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("connectionId", snapshot.connectionId())
                    .param("modelKey", modelKey(snapshot.model()))
                    .param("kind", window.kind().name())
                    .param("capturedAt", capturedAt)
                    .param("workspaceId", snapshot.workspaceId())
                    .param("limit", window.limit())
                    .param("remaining", window.remaining())
                    .update();
            // A snapshot that arrives late must not overwrite a newer reading.
            jdbc.sql("""
                    INSERT INTO window_observation (workspace_id, connection_id, model_key, kind, limit_value,
                        remaining, reset_at, captured_at)
                    VALUES (:workspaceId, :connectionId, :modelKey, :kind, :limit, :remaining, :resetAt, :capturedAt)
                    ON CONFLICT (connection_id, model_key, kind) DO UPDATE SET
                        limit_value = EXCLUDED.limit_value, remaining = EXCLUDED.remaining,
                        reset_at = EXCLUDED.reset_at, captured_at = EXCLUDED.captured_at
                    WHERE window_observation.captured_at <= EXCLUDED.captured_at
                    """)
                    .param("workspaceId", snapshot.workspaceId())
                    .param("connectionId", snapshot.connectionId())
                    .param("modelKey", modelKey(snapshot.model()))
                    .param("kind", window.kind().name())
                    .param("limit", window.limit())
                    .param("remaining", window.remaining())
                    .param("resetAt", window.resetAt() == null ? null : Timestamp.from(window.resetAt()))
                    .param("capturedAt", capturedAt)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO connection_activity (connection_id, workspace_id, provider, snapshots_seen, last_captured_at,
                    last_probe_at)
                VALUES (:connectionId, :workspaceId, :provider, 1, :capturedAt, :probedAt)
                ON CONFLICT (connection_id) DO UPDATE SET
                    snapshots_seen = connection_activity.snapshots_seen + 1,
                    last_captured_at = greatest(connection_activity.last_captured_at, EXCLUDED.last_captured_at),
                    last_probe_at = greatest(connection_activity.last_probe_at, EXCLUDED.last_probe_at)
                """)
                .param("connectionId", snapshot.connectionId())
                .param("workspaceId", snapshot.workspaceId())
                .param("provider", snapshot.provider().name())
                .param("capturedAt", capturedAt)
                .param("probedAt", snapshot.source() == SnapshotSource.PROBE ? capturedAt : null)
                .update();
        return true;
    }

    /** How often a connection of the workspace was heard from, and when last; empty if never. */
    @Transactional(readOnly = true)
    public Optional<Activity> activity(String workspaceId, UUID connectionId) {
        return jdbc.sql("""
                SELECT snapshots_seen, last_captured_at FROM connection_activity
                WHERE workspace_id = :workspaceId AND connection_id = :connectionId
                """)
                .param("workspaceId", workspaceId)
                .param("connectionId", connectionId)
                .query((rs, row) -> new Activity(rs.getLong("snapshots_seen"),
                        rs.getTimestamp("last_captured_at").toInstant()))
                .optional();
    }

    /** The newest reading of every window of a key that has both a limit and a remaining count. */
    @Transactional(readOnly = true)
    public List<WindowReading> windows(String workspaceId, UUID connectionId) {
        return jdbc.sql("""
                SELECT model_key, kind, limit_value, remaining, reset_at, captured_at FROM window_observation
                WHERE workspace_id = :workspaceId AND connection_id = :connectionId
                    AND limit_value IS NOT NULL AND remaining IS NOT NULL
                ORDER BY model_key, kind
                """)
                .param("workspaceId", workspaceId)
                .param("connectionId", connectionId)
                .query((rs, row) -> new WindowReading(connectionId, emptyToNull(rs.getString("model_key")),
                        WindowKind.valueOf(rs.getString("kind")), rs.getLong("limit_value"), rs.getLong("remaining"),
                        rs.getTimestamp("reset_at") == null ? null : rs.getTimestamp("reset_at").toInstant(),
                        rs.getTimestamp("captured_at").toInstant()))
                .list();
    }

    /** A window's readings since {@code since}, oldest first: what its burn rate is worked out from. */
    @Transactional(readOnly = true)
    public List<BurnRate.Sample> samples(UUID connectionId, String model, WindowKind kind, Instant since) {
        return jdbc.sql("""
                SELECT captured_at, remaining FROM window_sample
                WHERE connection_id = :connectionId AND model_key = :modelKey AND kind = :kind AND captured_at >= :since
                ORDER BY captured_at
                """)
                .param("connectionId", connectionId)
                .param("modelKey", modelKey(model))
                .param("kind", kind.name())
                .param("since", Timestamp.from(since))
                .query((rs, row) -> new BurnRate.Sample(rs.getTimestamp("captured_at").toInstant(),
                        rs.getLong("remaining")))
                .list();
    }

    /**
     * Probed keys whose probes have not been heard from since {@code before}, with when they last were. Keys seen only
     * through their owners' traffic are left out: they go quiet whenever the traffic does.
     */
    @Transactional(readOnly = true)
    public List<Silence> silentSince(Instant before) {
        return jdbc.sql("""
                SELECT workspace_id, connection_id, provider, last_probe_at FROM connection_activity
                WHERE last_probe_at < :before
                """)
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Silence(rs.getString("workspace_id"), rs.getObject("connection_id", UUID.class),
                        Provider.valueOf(rs.getString("provider")), rs.getTimestamp("last_probe_at").toInstant()))
                .list();
    }

    /** The workspace's keys that were ever heard from. */
    @Transactional(readOnly = true)
    public List<HeardKey> keys(String workspaceId) {
        return jdbc.sql("SELECT connection_id, provider FROM connection_activity WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, row) -> new HeardKey(rs.getObject("connection_id", UUID.class),
                        Provider.valueOf(rs.getString("provider"))))
                .list();
    }

    /** Forgets readings older than any burn rate looks at; returns how many. */
    @Transactional
    public int pruneSamples(Instant before) {
        return jdbc.sql("DELETE FROM window_sample WHERE captured_at < ?").param(Timestamp.from(before)).update();
    }

    /** Forgets a key that is no longer watched. */
    @Transactional
    public void forgetConnection(String workspaceId, UUID connectionId) {
        for (String table : List.of("window_observation", "window_sample", "connection_activity")) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = ? AND connection_id = ?")
                    .params(workspaceId, connectionId).update();
        }
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        int rows = 0;
        for (String table : List.of("window_observation", "window_sample", "connection_activity")) {
            rows += jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = ?").param(workspaceId).update();
        }
        return rows;
    }

    private static String modelKey(String model) {
        return model == null ? "" : model;
    }

    private static String emptyToNull(String modelKey) {
        return modelKey.isEmpty() ? null : modelKey;
    }

    public record Activity(long snapshotsSeen, Instant lastCapturedAt) {
    }

    /** A key that went quiet. */
    public record Silence(String workspaceId, UUID connectionId, Provider provider, Instant lastProbedAt) {
    }

    /** A key of the workspace that was heard from. */
    public record HeardKey(UUID connectionId, Provider provider) {
    }

    /**
     * The newest reading of one window.
     *
     * @param model the model or group the provider named, null when it named none
     */
    public record WindowReading(UUID connectionId, String model, WindowKind kind, long limit, long remaining,
            Instant resetAt, Instant capturedAt) {

        /** The used share as every Quotah answer shows it ({@link UsedPercent}); past its reset a window is full. */
        public BigDecimal usedPercent(Instant now) {
            return resetAt != null && !resetAt.isAfter(now) ? BigDecimal.ZERO : UsedPercent.of(limit, remaining);
        }
    }
}
