package io.quotah.alert.workspace;

import io.quotah.alert.connections.KnownConnections;
import io.quotah.alert.history.AlertHistory;
import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.rules.Rules;
import io.quotah.alert.spend.SpendLedger;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deleted account takes its workspace's rules (and with them their channels and condition states), alert history,
 * observed state, known keys and spend with it.
 */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final Rules rules;
    private final AlertHistory history;
    private final WindowObservations observations;
    private final KnownConnections connections;
    private final SpendLedger spend;

    WorkspacePurge(Rules rules, AlertHistory history, WindowObservations observations, KnownConnections connections,
            SpendLedger spend) {
        this.rules = rules;
        this.history = history;
        this.observations = observations;
        this.connections = connections;
        this.spend = spend;
    }

    @KafkaListener(topics = Topics.USERS)
    @Transactional
    public void on(UserDeleted deleted) {
        String workspace = deleted.workspaceId();
        int rows = rules.forgetWorkspace(workspace) + history.forgetWorkspace(workspace)
                + observations.forgetWorkspace(workspace) + connections.forgetWorkspace(workspace)
                + spend.forgetWorkspace(workspace);
        log.info("purged workspace {}: {} rows", workspace, rows);
    }
}
