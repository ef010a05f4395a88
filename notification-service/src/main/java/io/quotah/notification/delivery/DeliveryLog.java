package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.EventType;
import io.quotah.contracts.serde.EventCodec;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log: one row per alert, state, channel and recipient, with every attempt. The unique key
 * makes a redelivered or replayed alert queue nothing new (RAISED and RESOLVED are two messages); the
 * worker claims due rows under a lease, so two replicas never send the same one at once.
 */
@Repository
public class DeliveryLog {

    private static final EventCodec CODEC = EventCodec.standard();

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery per recipient not queued before; returns how many were new. */
    @Transactional
    public int enqueue(AlertRaised alert, Instant now) {
        String payload = CODEC.encodeToString(withoutRecipients(alert));
        int queued = 0;
        for (Recipient recipient : alert.recipients()) {
            queued += jdbc.sql("""
                    INSERT INTO delivery (id, alert_id, workspace_id, rule_id, state, event_id, channel, address,
                                          signing_secret, severity, summary, payload, next_attempt_at)
                    VALUES (:id, :alertId, :workspaceId, :ruleId, :state, :eventId, :channel, :address,
                            :signingSecret, :severity, :summary, CAST(:payload AS jsonb), :now)
                    ON CONFLICT (alert_id, state, channel, address) DO NOTHING
                    """)
                    .param("id", UUID.randomUUID())
                    .param("alertId", alert.alertId())
                    .param("workspaceId", alert.workspaceId())
                    .param("ruleId", alert.ruleId())
                    .param("state", alert.state().name())
                    .param("eventId", alert.eventId())
                    .param("channel", recipient.channel().name())
                    .param("address", recipient.address())
                    .param("signingSecret", recipient.channel() == Channel.WEBHOOK ? recipient.signingSecret() : null)
                    .param("severity", alert.severity().name())
                    .param("summary", alert.summary())
                    .param("payload", payload)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return queued;
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}: until it runs out no other claim sees them.
     * A RESOLVED message waits while its RAISED one to the same recipient is still pending, so it never
     * arrives first.
     */
    @Transactional
    List<ClaimedDelivery> claimDue(int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE delivery d SET claim_id = gen_random_uuid(), next_attempt_at = :leaseUntil
                FROM (SELECT c.id FROM delivery c
                      WHERE c.status = 'PENDING' AND c.next_attempt_at <= :now
                        AND NOT (c.state = 'RESOLVED' AND EXISTS (
                            SELECT 1 FROM delivery r
                            WHERE r.alert_id = c.alert_id AND r.state = 'RAISED' AND r.channel = c.channel
                              AND r.address = c.address AND r.status = 'PENDING'))
                      ORDER BY c.next_attempt_at LIMIT :limit
                      FOR UPDATE OF c SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.claim_id, d.workspace_id, d.alert_id, d.rule_id, d.channel, d.address,
                          d.signing_secret, d.payload::text AS payload, d.attempts, d.first_attempt_at
                """)
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new ClaimedDelivery(rs.getObject("id", UUID.class),
                        rs.getObject("claim_id", UUID.class), rs.getString("workspace_id"),
                        rs.getObject("alert_id", UUID.class), rs.getObject("rule_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("signing_secret"), rs.getString("payload"),
                        rs.getInt("attempts"), instant(rs, "first_attempt_at")))
                .list();
    }

    /**
     * Records an attempt and the delivery's new state. Returns false, recording nothing, when the claim was
     * lost (its lease ran out and another replica took the delivery).
     *
     * @param next when to try again for a transient failure; null makes a failure final
     */
    @Transactional
    boolean recordAttempt(ClaimedDelivery claimed, Instant attemptedAt, Outcome outcome, Instant finishedAt,
            Instant next) {
        DeliveryStatus status;
        AttemptResult result;
        String error;
        switch (outcome) {
            case Outcome.Sent sent -> {
                status = DeliveryStatus.SENT;
                result = AttemptResult.SENT;
                error = null;
            }
            case Outcome.TransientFailure failure -> {
                status = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
                result = AttemptResult.TRANSIENT_ERROR;
                error = failure.reason();
            }
            case Outcome.PermanentFailure failure -> {
                status = DeliveryStatus.FAILED;
                result = AttemptResult.PERMANENT_ERROR;
                error = failure.reason();
            }
        }
        String lastError = status == DeliveryStatus.FAILED && result == AttemptResult.TRANSIENT_ERROR
                ? "gave up after " + claimed.attemptNumber() + " attempts: " + error : error;
        int updated = jdbc.sql("""
                UPDATE delivery SET status = :status, attempts = attempts + 1, last_error = :lastError,
                       next_attempt_at = :next, sent_at = :sentAt,
                       first_attempt_at = COALESCE(first_attempt_at, :attemptedAt), claim_id = NULL,
                       signing_secret = CASE WHEN :status = 'PENDING' THEN signing_secret END
                WHERE id = :id AND claim_id = :claimId
                """)
                .param("status", status.name())
                .param("lastError", truncate(lastError))
                .param("next", status == DeliveryStatus.PENDING ? Timestamp.from(next) : null)
                .param("sentAt", status == DeliveryStatus.SENT ? Timestamp.from(finishedAt) : null)
                .param("attemptedAt", Timestamp.from(attemptedAt))
                .param("id", claimed.id())
                .param("claimId", claimed.claimId())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO delivery_attempt (delivery_id, workspace_id, attempt, attempted_at, result, error)
                VALUES (:id, :workspaceId, :attempt, :attemptedAt, :result, :error)
                """)
                .param("id", claimed.id())
                .param("workspaceId", claimed.workspaceId())
                .param("attempt", claimed.attemptNumber())
                .param("attemptedAt", Timestamp.from(attemptedAt))
                .param("result", result.name())
                .param("error", truncate(error))
                .update();
        return true;
    }

    /** Marks a claimed delivery as not to be sent: its recipient unsubscribed. */
    @Transactional
    boolean markSuppressed(ClaimedDelivery claimed) {
        return jdbc.sql("""
                UPDATE delivery SET status = 'SUPPRESSED', claim_id = NULL, next_attempt_at = NULL,
                       signing_secret = NULL
                WHERE id = :id AND claim_id = :claimId
                """)
                .param("id", claimed.id())
                .param("claimId", claimed.claimId())
                .update() == 1;
    }

    /** A workspace's deliveries of one alert (both states), oldest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<DeliveryRecord> deliveriesOf(String workspaceId, UUID alertId) {
        Map<UUID, List<DeliveryRecord.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.delivery_id, a.attempt, a.attempted_at, a.result, a.error
                FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                WHERE d.workspace_id = :workspaceId AND d.alert_id = :alertId
                ORDER BY a.delivery_id, a.attempt
                """)
                .param("workspaceId", workspaceId)
                .param("alertId", alertId)
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), id -> new ArrayList<>())
                            .add(new DeliveryRecord.Attempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                                    AttemptResult.valueOf(rs.getString("result")), rs.getString("error")));
                });
        return jdbc.sql("""
                SELECT id, alert_id, state, channel, address, status, attempts, last_error, created_at, sent_at,
                       next_attempt_at
                FROM delivery WHERE workspace_id = :workspaceId AND alert_id = :alertId
                ORDER BY created_at, seq
                """)
                .param("workspaceId", workspaceId)
                .param("alertId", alertId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new DeliveryRecord(id, rs.getObject("alert_id", UUID.class),
                            AlertState.valueOf(rs.getString("state")), Channel.valueOf(rs.getString("channel")),
                            rs.getString("address"), DeliveryStatus.valueOf(rs.getString("status")),
                            rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"),
                            instant(rs, "sent_at"), instant(rs, "next_attempt_at"),
                            List.copyOf(attempts.getOrDefault(id, List.of())));
                })
                .list();
    }

    /** Deletes a workspace's deliveries and their attempts; returns how many deliveries went. */
    @Transactional
    public int forgetWorkspace(String workspaceId) {
        jdbc.sql("DELETE FROM delivery_attempt WHERE workspace_id = ?").param(workspaceId).update();
        return jdbc.sql("DELETE FROM delivery WHERE workspace_id = ?").param(workspaceId).update();
    }

    static AlertRaised decode(String payload) {
        return CODEC.decode(EventType.ALERT_RAISED, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Each row keeps what it needs to render its message; the other recipients (and their secrets) stay out. */
    private static AlertRaised withoutRecipients(AlertRaised alert) {
        return AlertRaised.builder()
                .eventId(alert.eventId()).workspaceId(alert.workspaceId()).occurredAt(alert.occurredAt())
                .alertId(alert.alertId()).rule(alert.ruleId(), alert.ruleName()).kind(alert.kind())
                .state(alert.state()).severity(alert.severity())
                .connection(alert.connectionId(), alert.provider(), alert.connectionLabel())
                .model(alert.model()).window(alert.window())
                .measured(alert.observed(), alert.threshold(), alert.unit())
                .resetAt(alert.resetAt()).forecastAt(alert.forecastAt()).reason(alert.reason())
                .recipients(List.of()).summary(alert.summary()).test(alert.test())
                .build();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
