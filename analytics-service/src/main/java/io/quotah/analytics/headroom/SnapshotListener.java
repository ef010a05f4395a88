package io.quotah.analytics.headroom;

import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every rate-limit snapshot into the history; the offset is committed after the row is. */
@Component
class SnapshotListener {

    private final SnapshotHistory history;

    SnapshotListener(SnapshotHistory history) {
        this.history = history;
    }

    @KafkaListener(topics = Topics.RATE_LIMIT_SNAPSHOTS)
    void on(RateLimitSnapshot snapshot) {
        history.record(snapshot);
    }
}
