package io.quotah.notification.workspace;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.notification.delivery.DeliveryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A deleted account takes its workspace's deliveries (and so its recipients' addresses) with it. */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final DeliveryQueue deliveries;

    WorkspacePurge(DeliveryQueue deliveries) {
        this.deliveries = deliveries;
    }

    @KafkaListener(topics = Topics.USERS)
    public void on(UserDeleted deleted) {
        log.info("purged workspace {}: {} deliveries", deleted.workspaceId(),
                deliveries.forgetWorkspace(deleted.workspaceId()));
    }
}
