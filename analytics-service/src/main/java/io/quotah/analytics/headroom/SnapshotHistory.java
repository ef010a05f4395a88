package io.quotah.analytics.headroom;

import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitWindow;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rate-limit snapshots as received: the history behind charts and burn-rate forecasts. */
@Repository
public class SnapshotHistory {

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
        }
        return true;
    }

    /** Drops raw snapshots captured before {@code cutoff}; returns how many. */
    @Transactional
    public int forgetCapturedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM rate_limit_snapshot WHERE captured_at < :cutoff")
                .param("cutoff", timestamp(cutoff))
                .update();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM rate_limit_snapshot WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
