package io.quotah.dev.simulator.bucket;

import java.time.Duration;
import java.time.Instant;

/**
 * A bucket as a response header would describe it: whole units remaining (rounded down), when it is full
 * again, and how long that is from the moment it was read.
 */
public record BucketState(long limit, long remaining, Instant fullAt, Duration untilFull) {

    public long used() {
        return limit - remaining;
    }
}
