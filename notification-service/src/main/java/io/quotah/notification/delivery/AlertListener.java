package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Queues a delivery for every recipient of every alert; the offset is committed after the rows are. */
@Component
class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final DeliveryQueue queue;

    AlertListener(DeliveryQueue queue) {
        this.queue = queue;
    }

    @KafkaListener(topics = Topics.ALERTS)
    void on(AlertRaised alert) {
        int queued = queue.enqueue(alert);
        log.info("alert {} of workspace {}: {} deliveries queued", alert.alertId(), alert.workspaceId(), queued);
    }
}
