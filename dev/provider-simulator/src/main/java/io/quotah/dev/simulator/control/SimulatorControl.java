package io.quotah.dev.simulator.control;

import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.LimitWindow;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelCatalog;
import io.quotah.dev.simulator.scenario.ModelInfo;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.dev.simulator.traffic.BackgroundTraffic;
import io.quotah.dev.simulator.usage.UsageCounts;
import io.quotah.dev.simulator.usage.UsageEntry;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What tests and operators may do to a running simulator; the same operations back the {@code /_sim} HTTP
 * API. Keys are named by secret or by id.
 */
public final class SimulatorControl {

    private final Scenario scenario;
    private final Clock clock;
    private final KeyRegistry keys;
    private final UsageLedger ledger;
    private final BackgroundTraffic traffic;

    public SimulatorControl(Scenario scenario, Clock clock, KeyRegistry keys, UsageLedger ledger,
                            BackgroundTraffic traffic) {
        this.scenario = scenario;
        this.clock = clock;
        this.keys = keys;
        this.ledger = ledger;
        this.traffic = traffic;
    }

    public SimulatorState state() {
        Instant now = clock.instant();
        List<KeyState> states = keys.all().stream().map(key -> {
            Map<String, Map<LimitWindow, BucketState>> limits = new LinkedHashMap<>();
            key.limitsByClass().forEach((modelClass, group) -> limits.put(modelClass, group.states(now)));
            Map<LimitWindow, BucketState> countTokens = key.countTokensLimits().map(group -> group.states(now))
                    .orElse(Map.of());
            return new KeyState(key.provider(), key.key(), key.id(), key.spec().name(), key.fault(), limits,
                    countTokens);
        }).toList();
        return new SimulatorState(now, states);
    }

    /** Sets every window of the key as if {@code usedPercent} of each limit had just been used. */
    public void drain(String keyOrId, double usedPercent) {
        key(keyOrId).drain(usedPercent, clock.instant());
    }

    public void fault(String keyOrId, Fault fault) {
        key(keyOrId).fault(fault);
    }

    /** @throws KeyRegistry.KeyConflictException when the key, its id or its Admin key is taken */
    public void addKey(KeySpec spec) {
        keys.add(spec);
    }

    /** Adds tokens to a usage bucket that was already reported, as the providers revise recent buckets. */
    public UsageEntry reviseUsage(UsageRevision revision) {
        SimulatedKey key = key(revision.key());
        String model = revision.model() == null ? null : ModelCatalog.lookup(key.provider(), revision.model())
                .map(ModelInfo::servedName)
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + revision.model()));
        Instant minute = revision.minute();
        if (model == null || minute == null) {
            UsageEntry latest = ledger.latest(key.id(), model)
                    .orElseThrow(() -> new NoSuchElementException("key " + key.id() + " has no usage to revise"));
            model = model == null ? latest.model() : model;
            minute = minute == null ? latest.minute() : minute;
        }
        return ledger.record(key.id(), model, minute, new UsageCounts(revision.requests(), revision.inputTokens(),
                revision.cacheWrite5mTokens(), revision.cacheWrite1hTokens(), revision.cacheReadTokens(),
                revision.outputTokens()));
    }

    /** Back to the scenario: its keys with full buckets and their own faults, no usage, no added keys. */
    public void reset() {
        keys.replaceAll(scenario.keys());
        ledger.clear();
        traffic.reset();
    }

    /** Sends the background traffic owed by the clock now; returns the number of requests sent. */
    public int runBackgroundTraffic() {
        return traffic.runDue();
    }

    public List<UsageEntry> usage() {
        return ledger.entries();
    }

    private SimulatedKey key(String keyOrId) {
        return keys.bySecret(keyOrId).or(() -> keys.byId(keyOrId))
                .orElseThrow(() -> new NoSuchElementException("no key " + KeySpec.masked(keyOrId)));
    }
}
