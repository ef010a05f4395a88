package io.quotah.alert.connections;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Provider;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What alert-service knows of each watched key from ConnectionChanged: the label its messages name it by, how often
 * it is polled (a key silent for three intervals is stale), and the last change. A late change never overwrites a
 * newer one.
 */
@Repository
public class KnownConnections {

    private final JdbcClient jdbc;

    KnownConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(ConnectionChanged changed) {
        jdbc.sql("""
                INSERT INTO known_connection (connection_id, workspace_id, provider, label, masked_key,
                    poll_interval_seconds, last_change, reason, changed_at)
                VALUES (:id, :workspaceId, :provider, :label, :maskedKey, :interval, :change, :reason, :at)
                ON CONFLICT (connection_id) DO UPDATE SET
                    label = coalesce(EXCLUDED.label, known_connection.label),
                    masked_key = coalesce(EXCLUDED.masked_key, known_connection.masked_key),
                    poll_interval_seconds = coalesce(EXCLUDED.poll_interval_seconds,
                        known_connection.poll_interval_seconds),
                    last_change = EXCLUDED.last_change, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at
                WHERE known_connection.changed_at <= EXCLUDED.changed_at
                    AND known_connection.workspace_id = EXCLUDED.workspace_id
                """)
                .param("id", changed.connectionId())
                .param("workspaceId", changed.workspaceId())
                .param("provider", changed.provider().name())
                .param("label", changed.label())
                .param("maskedKey", changed.maskedKey())
                .param("interval", changed.pollIntervalSeconds())
                .param("change", changed.change().name())
                .param("reason", changed.reason())
                .param("at", Timestamp.from(changed.occurredAt()))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<KnownConnection> find(String workspaceId, UUID connectionId) {
        return jdbc.sql("""
                SELECT connection_id, provider, label, poll_interval_seconds, last_change FROM known_connection
                WHERE workspace_id = :workspaceId AND connection_id = :id
                """)
                .param("workspaceId", workspaceId)
                .param("id", connectionId)
                .query((rs, row) -> new KnownConnection(rs.getObject("connection_id", UUID.class),
                        Provider.valueOf(rs.getString("provider")), rs.getString("label"),
                        (Integer) rs.getObject("poll_interval_seconds"), Change.valueOf(rs.getString("last_change"))))
                .optional();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM known_connection WHERE workspace_id = ?").param(workspaceId).update();
    }

    /** A watched key as alerts name it. */
    public record KnownConnection(UUID id, Provider provider, String label, Integer pollIntervalSeconds,
            Change lastChange) {

        public boolean removed() {
            return lastChange == Change.REMOVED;
        }

        /** Three polling intervals (a minute when unknown), and never less than {@code floor}. */
        public Duration staleAfter(Duration floor) {
            Duration three = Duration.ofSeconds(3L * (pollIntervalSeconds == null ? 60 : pollIntervalSeconds));
            return three.compareTo(floor) < 0 ? floor : three;
        }
    }
}
