package io.quotah.analytics.workspace;

import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.analytics.headroom.HeadroomCache;
import io.quotah.analytics.history.SnapshotHistory;
import io.quotah.analytics.usage.UsageStore;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deleted account takes its workspace's history, usage, connections and live headroom with it. Deleting
 * twice deletes nothing more.
 */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final SnapshotHistory snapshots;
    private final UsageStore usage;
    private final ConnectionDirectory connections;
    private final HeadroomCache headroom;
    private final TransactionTemplate transaction;

    WorkspacePurge(SnapshotHistory snapshots, UsageStore usage, ConnectionDirectory connections,
            HeadroomCache headroom, PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.usage = usage;
        this.connections = connections;
        this.headroom = headroom;
        this.transaction = new TransactionTemplate(transactions);
    }

    @KafkaListener(topics = Topics.USERS)
    public void on(UserDeleted deleted) {
        String workspace = deleted.workspaceId();
        String counts = transaction.execute(status -> snapshots.forgetWorkspace(workspace) + " snapshots, "
                + usage.forgetWorkspace(workspace) + " usage buckets, "
                + connections.forgetWorkspace(workspace) + " connections");
        // Only after the commit: a rebuild in between would otherwise refill Redis from the rows being deleted.
        headroom.forgetWorkspace(workspace);
        log.info("purged workspace {}: {} and its live headroom", workspace, counts);
    }
}
