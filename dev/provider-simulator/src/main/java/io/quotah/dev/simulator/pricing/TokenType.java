package io.quotah.dev.simulator.pricing;

import io.quotah.dev.simulator.usage.UsageCounts;

/** The kinds of tokens a provider bills at different prices. */
public enum TokenType {
    UNCACHED_INPUT,
    CACHE_WRITE_5M,
    CACHE_WRITE_1H,
    CACHE_READ,
    OUTPUT;

    public long tokensIn(UsageCounts counts) {
        return switch (this) {
            case UNCACHED_INPUT -> counts.uncachedInputTokens();
            case CACHE_WRITE_5M -> counts.cacheWrite5mTokens();
            case CACHE_WRITE_1H -> counts.cacheWrite1hTokens();
            case CACHE_READ -> counts.cacheReadTokens();
            case OUTPUT -> counts.outputTokens();
        };
    }
}
