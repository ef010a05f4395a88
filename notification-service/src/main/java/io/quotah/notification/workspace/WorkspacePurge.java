package io.quotah.notification.workspace;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.notification.unsubscribe.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deleted account takes its workspace's deliveries, their attempts and its suppressions (and so every
 * recipient's address) with it, in one transaction.
 */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final DeliveryLog deliveries;
    private final Suppressions suppressions;

    WorkspacePurge(DeliveryLog deliveries, Suppressions suppressions) {
        this.deliveries = deliveries;
        this.suppressions = suppressions;
    }

    @KafkaListener(topics = Topics.USERS)
    @Transactional
    public void on(UserDeleted deleted) {
        int forgotten = deliveries.forgetWorkspace(deleted.workspaceId());
        int unsubscribed = suppressions.forgetWorkspace(deleted.workspaceId());
        log.info("purged workspace {}: {} deliveries with their attempts, {} suppressions", deleted.workspaceId(),
                forgotten, unsubscribed);
    }
}
