package io.quotah.alert.workspace;

import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.spend.SpendLedger;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A deleted account takes its workspace's observed state and spend with it. */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final WindowObservations observations;
    private final SpendLedger spend;

    WorkspacePurge(WindowObservations observations, SpendLedger spend) {
        this.observations = observations;
        this.spend = spend;
    }

    @KafkaListener(topics = Topics.USERS)
    @Transactional
    public void on(UserDeleted deleted) {
        int rows = observations.forgetWorkspace(deleted.workspaceId()) + spend.forgetWorkspace(deleted.workspaceId());
        log.info("purged workspace {}: {} rows", deleted.workspaceId(), rows);
    }
}
