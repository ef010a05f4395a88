package io.quotah.analytics.headroom;

import io.quotah.analytics.config.AnalyticsProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps raw snapshots only as long as configured (a week by default). */
@Component
class SnapshotRetention {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final SnapshotHistory history;
    private final AnalyticsProperties properties;

    SnapshotRetention(SnapshotHistory history, AnalyticsProperties properties) {
        this.history = history;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetOldSnapshots() {
        int forgotten = history.forgetCapturedBefore(Instant.now().minus(properties.snapshotRetention()));
        if (forgotten > 0) {
            log.info("dropped {} raw rate-limit snapshots older than {}", forgotten, properties.snapshotRetention());
        }
    }
}
