package io.quotah.dev.simulator.bucket;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The buckets of one key and model class (requests, input, output, ...). A request is admitted only if every
 * bucket has room, and then charged to all at once, under one lock.
 */
public final class BucketGroup {

    private final Map<LimitWindow, TokenBucket> buckets = new EnumMap<>(LimitWindow.class);

    public BucketGroup(Map<LimitWindow, Long> limits, Instant now) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a bucket group needs at least one limit");
        }
        limits.forEach((window, limit) -> buckets.put(window, new TokenBucket(limit, window.period(), now)));
    }

    public synchronized Admission admit(Charge charge, Instant now) {
        LimitWindow worst = null;
        Duration longestWait = Duration.ZERO;
        for (var entry : buckets.entrySet()) {
            long demand = entry.getKey().demandOf(charge);
            if (!entry.getValue().canTake(demand, now)) {
                Duration wait = entry.getValue().waitFor(demand, now);
                if (worst == null || wait.compareTo(longestWait) > 0) {
                    worst = entry.getKey();
                    longestWait = wait;
                }
            }
        }
        if (worst != null) {
            return new Admission.Rejected(worst, worst.demandOf(charge), longestWait, statesAt(now));
        }
        buckets.forEach((window, bucket) -> bucket.take(window.demandOf(charge), now));
        return new Admission.Admitted(statesAt(now));
    }

    public synchronized Map<LimitWindow, BucketState> states(Instant now) {
        return statesAt(now);
    }

    /** Every bucket as if {@code usedPercent} of its limit had just been used. */
    public synchronized void drain(double usedPercent, Instant now) {
        if (usedPercent < 0 || usedPercent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100: " + usedPercent);
        }
        buckets.values().forEach(bucket -> bucket.setUsedPercent(usedPercent, now));
    }

    private Map<LimitWindow, BucketState> statesAt(Instant now) {
        Map<LimitWindow, BucketState> states = new EnumMap<>(LimitWindow.class);
        buckets.forEach((window, bucket) -> states.put(window, bucket.state(now)));
        return Collections.unmodifiableMap(states);
    }
}
