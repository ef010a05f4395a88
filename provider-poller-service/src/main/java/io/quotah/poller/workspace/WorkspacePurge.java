package io.quotah.poller.workspace;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.poller.connections.ConnectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A deleted account's keys are forgotten, sealed copies and all. Deleting twice deletes nothing more. */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final ConnectionStore store;

    WorkspacePurge(ConnectionStore store) {
        this.store = store;
    }

    @KafkaListener(topics = Topics.USERS)
    @Transactional
    public void on(UserDeleted deleted) {
        int removed = store.deleteWorkspace(deleted.workspaceId());
        log.info("purged workspace {}: {} watched keys", deleted.workspaceId(), removed);
    }
}
