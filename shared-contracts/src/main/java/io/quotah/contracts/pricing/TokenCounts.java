package io.quotah.contracts.pricing;

/**
 * Tokens by the kind they are priced at. {@code input} is uncached input only (OpenAI's cached tokens are
 * {@code cacheRead}, already taken out of its prompt tokens); reasoning tokens are inside {@code output}.
 */
public record TokenCounts(long input, long cacheWrite5m, long cacheWrite1h, long cacheRead, long output) {

    public static final TokenCounts NONE = new TokenCounts(0, 0, 0, 0, 0);

    public boolean none() {
        return input == 0 && cacheWrite5m == 0 && cacheWrite1h == 0 && cacheRead == 0 && output == 0;
    }

    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(input + other.input, cacheWrite5m + other.cacheWrite5m,
                cacheWrite1h + other.cacheWrite1h, cacheRead + other.cacheRead, output + other.output);
    }
}
