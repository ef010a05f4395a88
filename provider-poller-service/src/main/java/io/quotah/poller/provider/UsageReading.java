package io.quotah.poller.provider;

/**
 * The usage object of one provider response, every token kind apart and none counted twice.
 *
 * @param inputTokens uncached input only: OpenAI's prompt tokens include the cached ones, which are taken out
 *        here and counted in {@code cacheReadTokens}
 * @param cacheWrite5mTokens Anthropic cache writes kept 5 minutes (the default when the response does not split them)
 * @param reasoningTokens output tokens spent on reasoning, already inside {@code outputTokens}; null when not given
 * @param serviceTier e.g. {@code standard}, {@code priority}, {@code batch}, {@code flex}, {@code default}; null when not said
 */
public record UsageReading(String model, long inputTokens, long outputTokens, long cacheWrite5mTokens,
        long cacheWrite1hTokens, long cacheReadTokens, Long reasoningTokens, String serviceTier) {
}
