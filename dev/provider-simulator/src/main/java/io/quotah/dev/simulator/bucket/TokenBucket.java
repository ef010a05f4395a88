package io.quotah.dev.simulator.bucket;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket refilled continuously: {@code capacity} per {@code period}, never above {@code capacity}.
 * This is how both providers describe their limits (not fixed windows). Not thread-safe: {@link BucketGroup}
 * guards it.
 */
final class TokenBucket {

    /** Below this, float error is taken for a full bucket, so a full bucket says "full now". */
    private static final double EPSILON = 1e-6;

    private final long capacity;
    private final long periodNanos;
    private double level;
    private Instant updatedAt;

    TokenBucket(long capacity, Duration period, Instant now) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.level = capacity;
        this.updatedAt = now;
    }

    boolean canTake(long amount, Instant now) {
        refill(now);
        return amount <= level + EPSILON;
    }

    void take(long amount, Instant now) {
        refill(now);
        level -= amount;
    }

    /** How long until {@code amount} is available; zero when it is now. */
    Duration waitFor(long amount, Instant now) {
        refill(now);
        return nanosToRefill(amount - level);
    }

    /** Sets the bucket as if {@code usedPercent} of the limit had just been used. */
    void setUsedPercent(double usedPercent, Instant now) {
        refill(now);
        // (100 - p) / 100 rather than 1 - p / 100: keeps 90 % of 50 at exactly 5, not 4.999...
        level = capacity * (100.0 - usedPercent) / 100.0;
        updatedAt = now;
    }

    BucketState state(Instant now) {
        refill(now);
        long remaining = (long) Math.floor(Math.max(0, level) + EPSILON);
        Duration untilFull = nanosToRefill(capacity - level);
        return new BucketState(capacity, remaining, now.plus(untilFull), untilFull);
    }

    private Duration nanosToRefill(double deficit) {
        if (deficit <= EPSILON) {
            return Duration.ZERO;
        }
        // rounded up, less a sliver of float error, so an exact 0.5 s never comes out as 500000001 ns
        return Duration.ofNanos((long) Math.ceil(deficit * periodNanos / capacity - 1e-3));
    }

    private void refill(Instant now) {
        if (!now.isAfter(updatedAt)) {
            // a test clock set backwards refills nothing rather than draining
            return;
        }
        long elapsed = Duration.between(updatedAt, now).toNanos();
        level = Math.min(capacity, level + (double) capacity * elapsed / periodNanos);
        updatedAt = now;
    }
}
