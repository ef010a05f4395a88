package io.quotah.analytics.workspace;

import io.quotah.analytics.headroom.SnapshotHistory;
import io.quotah.analytics.usage.UsageStore;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A deleted account takes its workspace's history and usage with it. Deleting twice deletes nothing more. */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final SnapshotHistory snapshots;
    private final UsageStore usage;

    WorkspacePurge(SnapshotHistory snapshots, UsageStore usage) {
        this.snapshots = snapshots;
        this.usage = usage;
    }

    @KafkaListener(topics = Topics.USERS)
    @Transactional
    public void on(UserDeleted deleted) {
        int snapshotRows = snapshots.forgetWorkspace(deleted.workspaceId());
        int usageRows = usage.forgetWorkspace(deleted.workspaceId());
        log.info("purged workspace {}: {} snapshots, {} usage buckets", deleted.workspaceId(), snapshotRows, usageRows);
    }
}
