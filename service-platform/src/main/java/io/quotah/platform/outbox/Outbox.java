package io.quotah.platform.outbox;

import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.serde.EventCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same database transaction as the state change it reports; the
 * {@link OutboxRelay} forwards it to Kafka after the commit. A crash between the two loses nothing, and a
 * rolled-back change publishes nothing.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec = EventCodec.standard();

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalStateException outside a transaction, where the outbox would promise nothing */
    public void append(QuotahEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox takes events only inside the transaction of their change");
        }
        jdbc.update("""
                INSERT INTO platform.outbox_event (event_id, topic, message_key, event_type, payload)
                VALUES (?, ?, ?, ?, ?)
                """, event.eventId(), event.type().topic().name(), event.workspaceId(), event.type().typeName(),
                codec.encodeToString(event));
    }
}
