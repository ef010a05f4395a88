package io.quotah.platform.outbox;

import io.quotah.contracts.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forwards outbox events to Kafka in the order they were written, then deletes them. One relay at a time
 * per database (a transaction-scoped advisory lock), so replicas never send the same rows concurrently.
 * Delivery is at least once: a crash after sending and before deleting sends again, and consumers are
 * idempotent by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant works: each service has a database of its own. */
    private static final long RELAY_LOCK = 0x51_0705_7ABL;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, Object> kafka;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final int batchSize;
    private volatile ScheduledFuture<?> task;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, Object> kafka,
            ScheduledExecutorService scheduler, Duration pollInterval, int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /** Forwards what is waiting, batch by batch; returns how many events were sent. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == batchSize);
        return total;
    }

    private int relayBatch() {
        Integer sent = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    RELAY_LOCK))) {
                return 0;
            }
            List<PendingEvent> pending = jdbc.query("""
                    SELECT id, topic, message_key, event_type, payload FROM platform.outbox_event ORDER BY id LIMIT ?
                    """, (rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"),
                    rs.getString("message_key"), rs.getString("event_type"), rs.getString("payload")), batchSize);
            if (pending.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] sends = pending.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sends).orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
            jdbc.update("DELETE FROM platform.outbox_event WHERE id = ANY(?)", (Object) pending.stream()
                    .map(PendingEvent::id).toArray(Long[]::new));
            return pending.size();
        });
        return sent == null ? 0 : sent;
    }

    private CompletableFuture<?> send(PendingEvent event) {
        var record = new ProducerRecord<String, Object>(event.topic(), event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventType.HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                // Kafka or the database is away: the events wait in the table and go out on a later pass.
                log.warn("outbox relay pass failed, will retry: {}", e.toString());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    private record PendingEvent(long id, String topic, String key, String type, String payload) {
    }
}
