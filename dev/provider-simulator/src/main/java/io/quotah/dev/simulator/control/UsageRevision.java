package io.quotah.dev.simulator.control;

import java.time.Instant;

/**
 * Tokens added afterwards to a usage bucket, as the providers revise recent buckets. {@code key} is the
 * key's secret or id; without {@code model} and {@code minute} the key's most recent bucket is revised.
 */
public record UsageRevision(String key, String model, Instant minute, long requests, long inputTokens,
                            long cacheWrite5mTokens, long cacheWrite1hTokens, long cacheReadTokens,
                            long outputTokens) {

    public UsageRevision {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a revision names its key");
        }
        if (requests < 0 || inputTokens < 0 || cacheWrite5mTokens < 0 || cacheWrite1hTokens < 0
                || cacheReadTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("a revision only adds: no negative numbers");
        }
    }

    /** Adds input and output tokens to the key's most recent bucket. */
    public static UsageRevision ofLatest(String key, long inputTokens, long outputTokens) {
        return new UsageRevision(key, null, null, 0, inputTokens, 0, 0, 0, outputTokens);
    }
}
