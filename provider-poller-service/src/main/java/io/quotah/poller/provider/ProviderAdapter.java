package io.quotah.poller.provider;

import io.quotah.contracts.events.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Quotah knows about talking to one provider. Gemini, which sends no rate-limit headers, will
 * answer {@link #readLimits} with nothing and derive headroom from counted usage instead.
 */
public interface ProviderAdapter {

    Provider provider();

    /** Why this cannot be one of the provider's API keys, before any call is made; empty when it can. */
    Optional<String> keyFormatProblem(String apiKey);

    /** The same for an Admin key. */
    Optional<String> adminKeyFormatProblem(String adminKey);

    /** Asks the provider whether it accepts the key, at no token cost. */
    CallOutcome validate(String apiKey);

    /** A one-token request on the cheapest model, for live headroom from its headers (opt-in: it costs tokens). */
    CallOutcome probe(String apiKey);

    /** The limits a response's headers state, received at {@code receivedAt}. Never fails on bad values. */
    LimitReading readLimits(ResponseHeaders headers, Instant receivedAt);

    /**
     * The usage object of a response body (Anthropic Messages; OpenAI Chat Completions or Responses); empty
     * when the body has none.
     */
    Optional<UsageReading> readUsage(String responseBody);

    /** Configured limits from the Admin API; empty when the provider has none to tell. */
    List<ConfiguredLimits> configuredLimits(String adminKey);

    /**
     * One page of the Admin usage report for {@code [from, to)} in buckets of {@code bucketWidth} ({@code 1h}
     * or {@code 1d}), grouped by model, API key and service tier.
     *
     * @throws AdminApiException when the Admin API refuses or fails
     */
    AdminReports.Page<AdminReports.UsageLine> usageReport(String adminKey, Instant from, Instant to,
            String bucketWidth, String page);

    /** One page of the Admin cost report for {@code [from, to)}, by day and model. */
    AdminReports.Page<AdminReports.CostLine> costReport(String adminKey, Instant from, Instant to, String page);

    /** How a key may be shown: its prefix and its last four characters. */
    String mask(String key);
}
