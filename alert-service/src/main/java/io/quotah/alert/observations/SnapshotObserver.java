package io.quotah.alert.observations;

import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies every rate-limit snapshot to the observed state; the offset is committed after the transaction. */
@Component
class SnapshotObserver {

    private final WindowObservations observations;

    SnapshotObserver(WindowObservations observations) {
        this.observations = observations;
    }

    @KafkaListener(topics = Topics.RATE_LIMIT_SNAPSHOTS)
    void on(RateLimitSnapshot snapshot) {
        observations.apply(snapshot);
    }
}
