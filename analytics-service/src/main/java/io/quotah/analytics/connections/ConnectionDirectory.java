package io.quotah.analytics.connections;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Provider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connections of each workspace, as provider-poller-service announced them. An older change never
 * overwrites a newer one, and a removal is final: a late event cannot bring a removed connection back.
 */
@Repository
public class ConnectionDirectory {

    private final JdbcClient jdbc;

    ConnectionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a change (a redelivery changes nothing) and returns the connection as it now stands. */
    @Transactional
    public KnownConnection apply(ConnectionChanged change) {
        // A change that leaves label or masked key out keeps the one already known.
        jdbc.sql("""
                INSERT INTO provider_connection
                    (workspace_id, connection_id, provider, label, masked_key, last_change, changed_at)
                VALUES (:workspaceId, :connectionId, :provider, :label, :maskedKey, :change, :changedAt)
                ON CONFLICT (workspace_id, connection_id) DO UPDATE SET
                    provider = EXCLUDED.provider,
                    label = COALESCE(EXCLUDED.label, provider_connection.label),
                    masked_key = COALESCE(EXCLUDED.masked_key, provider_connection.masked_key),
                    last_change = EXCLUDED.last_change,
                    changed_at = EXCLUDED.changed_at
                WHERE provider_connection.changed_at <= EXCLUDED.changed_at
                  AND provider_connection.last_change <> 'REMOVED'
                """)
                .param("workspaceId", change.workspaceId())
                .param("connectionId", change.connectionId())
                .param("provider", change.provider().name())
                .param("label", change.label())
                .param("maskedKey", change.maskedKey())
                .param("change", change.change().name())
                .param("changedAt", Timestamp.from(change.occurredAt()))
                .update();
        return find(change.workspaceId(), change.connectionId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<KnownConnection> find(String workspaceId, UUID connectionId) {
        return jdbc.sql("SELECT * FROM provider_connection WHERE workspace_id = :workspaceId AND connection_id = :id")
                .param("workspaceId", workspaceId)
                .param("id", connectionId)
                .query(ConnectionDirectory::row)
                .optional();
    }

    /** Every connection of the workspace, removed ones included. */
    @Transactional(readOnly = true)
    public List<KnownConnection> all(String workspaceId) {
        return jdbc.sql("SELECT * FROM provider_connection WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .query(ConnectionDirectory::row)
                .list();
    }

    /** The labels of the workspace's labelled keys, removed ones included (their usage still shows). */
    @Transactional(readOnly = true)
    public Map<UUID, String> labels(String workspaceId) {
        Map<UUID, String> labels = new HashMap<>();
        for (KnownConnection connection : all(workspaceId)) {
            if (connection.label() != null) {
                labels.put(connection.connectionId(), connection.label());
            }
        }
        return labels;
    }

    @Transactional(readOnly = true)
    public boolean isRemoved(String workspaceId, UUID connectionId) {
        return find(workspaceId, connectionId).map(KnownConnection::removed).orElse(false);
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM provider_connection WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    private static KnownConnection row(ResultSet rs, int rowNum) throws SQLException {
        return new KnownConnection(rs.getObject("connection_id", UUID.class), Provider.valueOf(rs.getString("provider")),
                rs.getString("label"), rs.getString("masked_key"), Change.valueOf(rs.getString("last_change")),
                rs.getTimestamp("changed_at").toInstant());
    }
}
