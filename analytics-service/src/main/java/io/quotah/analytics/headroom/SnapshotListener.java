package io.quotah.analytics.headroom;

import io.quotah.analytics.history.SnapshotHistory;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every rate-limit snapshot into the history, then into the live headroom; the offset is committed after
 * both. A redelivery merges into Redis again (harmlessly), so a crash between the two loses nothing.
 */
@Component
class SnapshotListener {

    private final SnapshotHistory history;
    private final HeadroomBoard board;

    SnapshotListener(SnapshotHistory history, HeadroomBoard board) {
        this.history = history;
        this.board = board;
    }

    @KafkaListener(topics = Topics.RATE_LIMIT_SNAPSHOTS)
    void on(RateLimitSnapshot snapshot) {
        history.record(snapshot);
        board.apply(snapshot);
    }
}
