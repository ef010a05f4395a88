package io.quotah.alert.observations;

import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.platform.inbox.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Instant;
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
                    .param("modelKey", snapshot.model() == null ? "" : snapshot.model())
                    .param("kind", window.kind().name())
                    .param("limit", window.limit())
                    .param("remaining", window.remaining())
                    .param("resetAt", window.resetAt() == null ? null : Timestamp.from(window.resetAt()))
                    .param("capturedAt", capturedAt)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO connection_activity (connection_id, workspace_id, provider, snapshots_seen, last_captured_at)
                VALUES (:connectionId, :workspaceId, :provider, 1, :capturedAt)
                ON CONFLICT (connection_id) DO UPDATE SET
                    snapshots_seen = connection_activity.snapshots_seen + 1,
                    last_captured_at = greatest(connection_activity.last_captured_at, EXCLUDED.last_captured_at)
                """)
                .param("connectionId", snapshot.connectionId())
                .param("workspaceId", snapshot.workspaceId())
                .param("provider", snapshot.provider().name())
                .param("capturedAt", capturedAt)
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

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        int windows = jdbc.sql("DELETE FROM window_observation WHERE workspace_id = ?").param(workspaceId).update();
        return windows + jdbc.sql("DELETE FROM connection_activity WHERE workspace_id = ?").param(workspaceId).update();
    }

    public record Activity(long snapshotsSeen, Instant lastCapturedAt) {
    }
}
