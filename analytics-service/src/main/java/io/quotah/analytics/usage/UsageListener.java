package io.quotah.analytics.usage;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Upserts every usage bucket; the offset is committed after the row is. */
@Component
class UsageListener {

    private final UsageStore store;

    UsageListener(UsageStore store) {
        this.store = store;
    }

    @KafkaListener(topics = Topics.USAGE_EVENTS)
    void on(UsageEvent usage) {
        store.upsert(usage);
    }
}
