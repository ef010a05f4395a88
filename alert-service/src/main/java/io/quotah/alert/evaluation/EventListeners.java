package io.quotah.alert.evaluation;

import io.quotah.alert.connections.KnownConnections;
import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.spend.SpendLedger;
import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import java.time.Clock;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates rules as events arrive, in the transaction that records the event, so an alert and the reading that
 * raised it commit together and the offset is committed after both. A redelivered snapshot is applied and evaluated
 * once; a replayed usage bucket changes no spend, so it raises nothing new.
 */
@Component
class EventListeners {

    private final WindowObservations observations;
    private final SpendLedger ledger;
    private final KnownConnections connections;
    private final WindowRules windowRules;
    private final SpendRules spendRules;
    private final KeyProblemRules keyProblems;
    private final Clock clock;

    EventListeners(WindowObservations observations, SpendLedger ledger, KnownConnections connections,
            WindowRules windowRules, SpendRules spendRules, KeyProblemRules keyProblems, Clock clock) {
        this.observations = observations;
        this.ledger = ledger;
        this.connections = connections;
        this.windowRules = windowRules;
        this.spendRules = spendRules;
        this.keyProblems = keyProblems;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.RATE_LIMIT_SNAPSHOTS)
    @Transactional
    void on(RateLimitSnapshot snapshot) {
        if (!observations.apply(snapshot)) {
            return;
        }
        Instant now = clock.instant();
        windowRules.evaluate(snapshot.workspaceId(), snapshot.connectionId(), snapshot.provider(), now);
        if (snapshot.source() == SnapshotSource.PROBE) {
            // a probe answered: a key that had gone quiet is back
            keyProblems.heardFrom(snapshot.workspaceId(), snapshot.connectionId(), snapshot.provider(),
                    snapshot.capturedAt(), now);
        }
    }

    @KafkaListener(topics = Topics.USAGE_EVENTS)
    @Transactional
    void on(UsageEvent usage) {
        ledger.record(usage);
        spendRules.evaluate(usage.workspaceId(), usage.provider(), usage.connectionId(), clock.instant());
    }

    @KafkaListener(topics = Topics.CONNECTIONS)
    @Transactional
    void on(ConnectionChanged changed) {
        connections.record(changed);
        keyProblems.changed(changed, clock.instant());
        if (changed.change() == ConnectionChanged.Change.REMOVED) {
            windowRules.evaluateRemoved(changed.workspaceId(), changed.connectionId(), clock.instant());
            observations.forgetConnection(changed.workspaceId(), changed.connectionId());
        }
    }
}
