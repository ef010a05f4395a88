package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.Topics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Queues a delivery per recipient of every alert, in one database transaction; the offset is committed after
 * it, and a redelivered or replayed alert queues nothing new. Then wakes the worker, so sending starts now.
 */
@Component
class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final DeliveryLog deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;

    AlertListener(DeliveryLog deliveries, DeliveryWorker worker, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ALERTS)
    void on(AlertRaised alert) {
        int queued = deliveries.enqueue(alert, clock.instant());
        log.info("alert {} {} (event {}) of workspace {}: {} of {} deliveries queued", alert.alertId(), alert.state(),
                alert.eventId(), alert.workspaceId(), queued, alert.recipients().size());
        if (queued > 0) {
            worker.wakeUp();
        }
    }
}
