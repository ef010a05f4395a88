package io.quotah.dev.simulator.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the simulator served, per minute, key and model: the source of the Admin usage and cost reports.
 * Minutes are the finest bucket either provider reports, so coarser buckets are sums of these.
 */
public final class UsageLedger {

    private record Slot(Instant minute, String keyId, String model) {
    }

    private final Map<Slot, UsageCounts> counts = new HashMap<>();
    private final Duration reportDelay;

    /** @param reportDelay how long after its minute starts a usage entry shows in reports */
    public UsageLedger(Duration reportDelay) {
        this.reportDelay = reportDelay;
    }

    public synchronized UsageEntry record(String keyId, String model, Instant at, UsageCounts served) {
        Slot slot = new Slot(at.truncatedTo(ChronoUnit.MINUTES), keyId, model);
        UsageCounts total = counts.merge(slot, served, UsageCounts::plus);
        return new UsageEntry(slot.minute(), keyId, model, total);
    }

    /** Every entry, oldest first. */
    public synchronized List<UsageEntry> entries() {
        return counts.entrySet().stream()
                .map(e -> new UsageEntry(e.getKey().minute(), e.getKey().keyId(), e.getKey().model(), e.getValue()))
                .sorted(Comparator.comparing(UsageEntry::minute).thenComparing(UsageEntry::keyId)
                        .thenComparing(UsageEntry::model))
                .toList();
    }

    /** The entries a report made at {@code now} may show, given the reporting delay. */
    public List<UsageEntry> visibleAt(Instant now) {
        return entries().stream().filter(entry -> !entry.minute().plus(reportDelay).isAfter(now)).toList();
    }

    /** The most recent entry of a key (and model, when given). */
    public Optional<UsageEntry> latest(String keyId, String model) {
        return entries().reversed().stream()
                .filter(entry -> entry.keyId().equals(keyId) && (model == null || entry.model().equals(model)))
                .findFirst();
    }

    public synchronized void clear() {
        counts.clear();
    }
}
