package io.quotah.poller.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a provider's Admin API reports about usage and cost, in Quotah's terms. */
public final class AdminReports {

    private AdminReports() {
    }

    /**
     * One bucket of the usage report for one key, model and tier.
     *
     * @param uncachedInputTokens input not read from a cache (OpenAI's input total minus its cached part)
     * @param requests 0 where the provider does not count them (Anthropic's report)
     */
    public record UsageLine(Instant start, Instant end, String providerKeyId, String model, String serviceTier,
            long requests, long uncachedInputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
            long cacheReadTokens, long outputTokens) {
    }

    /** One line of the cost report: what a model cost on one day, in the currency's major unit. */
    public record CostLine(Instant start, Instant end, String model, String serviceTier, BigDecimal amount,
            String currency) {
    }

    /** One page of a report; {@code nextPage} is null on the last. */
    public record Page<T>(List<T> lines, String nextPage) {

        public Page {
            lines = List.copyOf(lines);
        }
    }
}
