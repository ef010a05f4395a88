package io.quotah.platform.inbox;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger that makes a consumer idempotent: a listener records each event id in the same transaction
 * as its effect, so a redelivered event (after a crash, a rebalance or a replay) is recognised and skipped.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now.
     *
     * @return true the first time, false for a redelivery (whose effect is already committed)
     */
    public boolean firstDelivery(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("record processed events inside the transaction of their effect");
        }
        return jdbc.update("""
                INSERT INTO platform.processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING
                """, consumer, eventId) == 1;
    }

    /** Forgets ids older than any record a topic still holds; returns how many were forgotten. */
    public int forgetOlderThan(Duration age) {
        return jdbc.update("DELETE FROM platform.processed_event WHERE processed_at < now() - make_interval(secs => ?)",
                (double) age.toSeconds());
    }
}
