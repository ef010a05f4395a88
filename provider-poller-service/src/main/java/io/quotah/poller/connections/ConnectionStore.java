package io.quotah.poller.connections;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.secrets.KeyCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Watched keys in PostgreSQL, and the polling queue they form. */
@Repository
public class ConnectionStore {

    private static final String COLUMNS = """
            id, workspace_id, provider, label, key_masked, key_sealed, key_data_key_id, admin_key_masked,
            admin_key_sealed, admin_key_data_key_id, probing, poll_interval_seconds, status, status_reason,
            last_polled_at, last_success_at, last_error, consecutive_failures, created_at""";

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the workspace already watches this key */
    void insert(Connection connection, String keyFingerprint, Instant firstPollAt) {
        jdbc.sql("""
                INSERT INTO provider_connection (id, workspace_id, provider, label, key_fingerprint, key_masked,
                    key_sealed, key_data_key_id, admin_key_masked, admin_key_sealed, admin_key_data_key_id, probing,
                    poll_interval_seconds, status, status_reason, last_polled_at, last_success_at, last_error,
                    next_poll_at, created_at, updated_at)
                VALUES (:id, :workspaceId, :provider, :label, :fingerprint, :keyMasked, :keySealed, :keyDataKeyId,
                    :adminMasked, :adminSealed, :adminDataKeyId, :probing, :interval, :status, :statusReason,
                    :lastPolledAt, :lastSuccessAt, :lastError, :nextPollAt, :createdAt, :createdAt)
                """)
                .param("id", connection.id())
                .param("workspaceId", connection.workspaceId())
                .param("provider", connection.provider().name())
                .param("label", connection.label())
                .param("fingerprint", keyFingerprint)
                .param("keyMasked", connection.maskedKey())
                .param("keySealed", connection.key().ciphertext())
                .param("keyDataKeyId", connection.key().keyId())
                .param("adminMasked", connection.maskedAdminKey())
                .param("adminSealed", connection.hasAdminKey() ? connection.adminKey().ciphertext() : null)
                .param("adminDataKeyId", connection.hasAdminKey() ? connection.adminKey().keyId() : null)
                .param("probing", connection.probing())
                .param("interval", connection.pollIntervalSeconds())
                .param("status", connection.status().name())
                .param("statusReason", connection.statusReason())
                .param("lastPolledAt", timestamp(connection.lastPolledAt()))
                .param("lastSuccessAt", timestamp(connection.lastSuccessAt()))
                .param("lastError", connection.lastError())
                .param("nextPollAt", timestamp(firstPollAt))
                .param("createdAt", timestamp(connection.createdAt()))
                .update();
    }

    public List<Connection> inWorkspace(String workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_connection WHERE workspace_id = :workspaceId "
                        + "ORDER BY created_at, id")
                .param("workspaceId", workspaceId)
                .query(ConnectionStore::connection)
                .list();
    }

    public Optional<Connection> find(String workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_connection WHERE workspace_id = :workspaceId AND id = :id")
                .param("workspaceId", workspaceId)
                .param("id", id)
                .query(ConnectionStore::connection)
                .optional();
    }

    /** Changes what the customer may change; a new interval applies from the next poll. */
    Optional<Connection> update(String workspaceId, UUID id, String label, Boolean probing, Integer interval,
            Instant now) {
        int updated = jdbc.sql("""
                UPDATE provider_connection
                   SET label = COALESCE(CAST(:label AS text), label),
                       probing = COALESCE(CAST(:probing AS boolean), probing),
                       poll_interval_seconds = COALESCE(CAST(:interval AS integer), poll_interval_seconds),
                       -- a shorter interval applies at once; LEAST ignores the null of an unchanged one
                       next_poll_at = LEAST(next_poll_at, CAST(:sooner AS timestamptz)),
                       updated_at = :now
                 WHERE workspace_id = :workspaceId AND id = :id
                """)
                .param("label", label)
                .param("probing", probing)
                .param("interval", interval)
                .param("sooner", interval == null ? null : timestamp(now.plusSeconds(interval)))
                .param("now", timestamp(now))
                .param("workspaceId", workspaceId)
                .param("id", id)
                .update();
        return updated == 0 ? Optional.empty() : find(workspaceId, id);
    }

    Optional<Connection> delete(String workspaceId, UUID id) {
        Optional<Connection> found = find(workspaceId, id);
        found.ifPresent(connection -> jdbc.sql("DELETE FROM provider_connection WHERE id = :id")
                .param("id", id).update());
        return found;
    }

    public int deleteWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM provider_connection WHERE workspace_id = :workspaceId")
                .param("workspaceId", workspaceId)
                .update();
    }

    /**
     * Leases up to {@code limit} connections that are due, for {@code owner} alone: replicas that ask at the
     * same moment skip each other's rows ({@code SKIP LOCKED}), and a lease that ran out (a replica died
     * mid-poll) makes its row due again.
     */
    public List<Connection> leaseDue(String owner, int limit, Instant now, Duration leaseFor) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE provider_connection c
                   SET lease_owner = :owner, lease_until = :leaseUntil
                  FROM (SELECT id FROM provider_connection
                         WHERE next_poll_at <= :now AND (lease_until IS NULL OR lease_until < :now)
                         ORDER BY next_poll_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED) due
                 WHERE c.id = due.id
                RETURNING c.id, c.workspace_id, c.provider, c.label, c.key_masked, c.key_sealed, c.key_data_key_id,
                          c.admin_key_masked, c.admin_key_sealed, c.admin_key_data_key_id, c.probing,
                          c.poll_interval_seconds, c.status, c.status_reason, c.last_polled_at, c.last_success_at,
                          c.last_error, c.consecutive_failures, c.created_at
                """)
                .param("owner", owner)
                .param("leaseUntil", timestamp(now.plus(leaseFor)))
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(ConnectionStore::connection)
                .list();
    }

    /**
     * Records a poll's result and when to poll next, and gives the lease back. Returns the status it
     * replaced, or empty when the connection was deleted meanwhile.
     */
    public Optional<ConnectionStatus> recordPoll(UUID id, String owner, PollResult result) {
        Optional<ConnectionStatus> before = jdbc.sql("SELECT status FROM provider_connection WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((row, n) -> ConnectionStatus.valueOf(row.getString(1)))
                .optional();
        if (before.isEmpty()) {
            return before;
        }
        jdbc.sql("""
                UPDATE provider_connection
                   SET status = :status, status_reason = :reason, last_polled_at = :polledAt,
                       last_success_at = CASE WHEN :succeeded THEN :polledAt ELSE last_success_at END,
                       last_error = CASE WHEN :succeeded THEN last_error ELSE :reason END,
                       consecutive_failures = CASE WHEN :succeeded THEN 0 ELSE consecutive_failures + 1 END,
                       next_poll_at = :nextPollAt,
                       lease_owner = NULL, lease_until = NULL, updated_at = :polledAt
                 WHERE id = :id AND (lease_owner IS NULL OR lease_owner = :owner)
                """)
                .param("status", result.status().name())
                .param("reason", result.reason())
                .param("polledAt", timestamp(result.polledAt()))
                .param("succeeded", result.succeeded())
                .param("nextPollAt", timestamp(result.nextPollAt()))
                .param("id", id)
                .param("owner", owner)
                .update();
        return before;
    }

    /** A customer's own traffic reached the provider with this key: it works. */
    public void recordObservation(UUID id, Instant observedAt) {
        jdbc.sql("""
                UPDATE provider_connection
                   SET last_success_at = GREATEST(COALESCE(last_success_at, :observedAt), :observedAt),
                       status = CASE WHEN status IN ('PENDING', 'PROVIDER_ERROR') THEN 'HEALTHY' ELSE status END,
                       updated_at = now()
                 WHERE id = :id
                """)
                .param("observedAt", timestamp(observedAt))
                .param("id", id)
                .update();
    }

    /**
     * The outcome of one poll.
     *
     * @param succeeded whether the provider accepted the key (a rate limit counts: the key works)
     */
    public record PollResult(ConnectionStatus status, String reason, boolean succeeded, Instant polledAt,
            Instant nextPollAt) {
    }

    private static Connection connection(ResultSet row, int rowNumber) throws SQLException {
        byte[] adminSealed = row.getBytes("admin_key_sealed");
        return new Connection(
                row.getObject("id", UUID.class),
                row.getString("workspace_id"),
                Provider.valueOf(row.getString("provider")),
                row.getString("label"),
                row.getString("key_masked"),
                new KeyCipher.Sealed(row.getString("key_data_key_id"), row.getBytes("key_sealed")),
                row.getString("admin_key_masked"),
                adminSealed == null ? null : new KeyCipher.Sealed(row.getString("admin_key_data_key_id"), adminSealed),
                row.getBoolean("probing"),
                row.getInt("poll_interval_seconds"),
                ConnectionStatus.valueOf(row.getString("status")),
                row.getString("status_reason"),
                instant(row.getTimestamp("last_polled_at")),
                instant(row.getTimestamp("last_success_at")),
                row.getString("last_error"),
                row.getInt("consecutive_failures"),
                instant(row.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
