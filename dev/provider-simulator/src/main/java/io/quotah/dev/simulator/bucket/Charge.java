package io.quotah.dev.simulator.bucket;

/**
 * What one request takes from a key's buckets at its start: requests, input tokens as the provider counts
 * them for its limit, and output tokens as estimated up front (Anthropic: max_tokens).
 */
public record Charge(long requests, long inputTokens, long outputTokens) {

    public Charge {
        if (requests < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("a charge is never negative: " + this);
        }
    }

    public static Charge requestOnly() {
        return new Charge(1, 0, 0);
    }
}
