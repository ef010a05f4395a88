package io.quotah.alert.spend;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records the spend of every usage bucket; the offset is committed after the row is. */
@Component
class UsageListener {

    private final SpendLedger ledger;

    UsageListener(SpendLedger ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(topics = Topics.USAGE_EVENTS)
    void on(UsageEvent usage) {
        ledger.record(usage);
    }
}
