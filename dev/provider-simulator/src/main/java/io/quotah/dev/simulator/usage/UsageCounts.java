package io.quotah.dev.simulator.usage;

/**
 * Tokens and requests served. {@code uncachedInputTokens} excludes cache writes and reads; for OpenAI the
 * prompt tokens of a response are {@code uncachedInputTokens + cacheReadTokens}.
 */
public record UsageCounts(long requests, long uncachedInputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
                          long cacheReadTokens, long outputTokens) {

    public static final UsageCounts ZERO = new UsageCounts(0, 0, 0, 0, 0, 0);

    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(requests + other.requests, uncachedInputTokens + other.uncachedInputTokens,
                cacheWrite5mTokens + other.cacheWrite5mTokens, cacheWrite1hTokens + other.cacheWrite1hTokens,
                cacheReadTokens + other.cacheReadTokens, outputTokens + other.outputTokens);
    }

    public long cacheWriteTokens() {
        return cacheWrite5mTokens + cacheWrite1hTokens;
    }
}
