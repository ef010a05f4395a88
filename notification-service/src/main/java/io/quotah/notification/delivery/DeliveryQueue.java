package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Recipient;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries waiting to be sent, one per alert and recipient. Queuing the same alert again queues nothing,
 * which is the first half of exactly-once delivery; the senders claim pending rows and mark them sent.
 */
@Repository
public class DeliveryQueue {

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many deliveries were newly queued. */
    @Transactional
    public int enqueue(AlertRaised alert) {
        int queued = 0;
        for (Recipient recipient : alert.recipients()) {
            queued += jdbc.sql("""
                    INSERT INTO delivery (id, alert_id, workspace_id, channel, address, severity, summary)
                    VALUES (:id, :alertId, :workspaceId, :channel, :address, :severity, :summary)
                    ON CONFLICT (alert_id, channel, address) DO NOTHING
                    """)
                    .param("id", UUID.randomUUID())
                    .param("alertId", alert.alertId())
                    .param("workspaceId", alert.workspaceId())
                    .param("channel", recipient.channel().name())
                    .param("address", recipient.address())
                    .param("severity", alert.severity().name())
                    .param("summary", alert.summary())
                    .update();
        }
        return queued;
    }

    @Transactional(readOnly = true)
    public List<PendingDelivery> pending(String workspaceId) {
        return jdbc.sql("""
                SELECT alert_id, channel, address, summary FROM delivery
                WHERE workspace_id = :workspaceId AND status = 'PENDING' ORDER BY created_at
                """)
                .param("workspaceId", workspaceId)
                .query((rs, row) -> new PendingDelivery(rs.getObject("alert_id", UUID.class),
                        AlertRaised.Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                        rs.getString("summary")))
                .list();
    }

    @Transactional
    public int forgetWorkspace(String workspaceId) {
        return jdbc.sql("DELETE FROM delivery WHERE workspace_id = ?").param(workspaceId).update();
    }

    public record PendingDelivery(UUID alertId, AlertRaised.Channel channel, String address, String summary) {
    }
}
