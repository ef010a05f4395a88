package io.quotah.analytics.history;

import io.quotah.analytics.config.AnalyticsProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps raw snapshots only as long as configured (a week by default) and 5-minute buckets longer (90 days);
 * buckets are written as snapshots arrive, so dropping raw rows loses no history.
 */
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
    void forgetOldHistory() {
        Instant now = Instant.now();
        int snapshots = history.forgetCapturedBefore(now.minus(properties.snapshotRetention()));
        int buckets = history.forgetBucketsBefore(now.minus(properties.bucketRetention()));
        if (snapshots > 0 || buckets > 0) {
            log.info("dropped {} raw rate-limit snapshots older than {} and {} 5-minute buckets older than {}",
                    snapshots, properties.snapshotRetention(), buckets, properties.bucketRetention());
        }
    }
}
