package io.quotah.poller.provider.anthropic;

import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.poller.provider.HeaderParsing;
import io.quotah.poller.provider.LimitReading;
import io.quotah.poller.provider.ResponseHeaders;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Anthropic's {@code anthropic-ratelimit-*} headers, with RFC 3339 resets of continuously refilled buckets. */
final class AnthropicHeaders {

    private AnthropicHeaders() {
    }

    static LimitReading read(ResponseHeaders headers, Instant receivedAt) {
        HeaderParsing parsing = new HeaderParsing(headers);
        window(parsing, WindowKind.REQUESTS, "anthropic-ratelimit-requests");
        window(parsing, WindowKind.TOKENS, "anthropic-ratelimit-tokens");
        window(parsing, WindowKind.INPUT_TOKENS, "anthropic-ratelimit-input-tokens");
        window(parsing, WindowKind.OUTPUT_TOKENS, "anthropic-ratelimit-output-tokens");
        window(parsing, WindowKind.PRIORITY_INPUT_TOKENS, "anthropic-priority-input-tokens");
        window(parsing, WindowKind.PRIORITY_OUTPUT_TOKENS, "anthropic-priority-output-tokens");
        window(parsing, WindowKind.FAST_INPUT_TOKENS, "anthropic-fast-input-tokens");
        window(parsing, WindowKind.FAST_OUTPUT_TOKENS, "anthropic-fast-output-tokens");
        return parsing.reading(parsing.retryAfterSeconds("retry-after"));
    }

    private static void window(HeaderParsing parsing, WindowKind kind, String prefix) {
        // The reset is when the bucket would be full again, not the end of a fixed window.
        parsing.window(kind, prefix + "-limit", prefix + "-remaining", prefix + "-reset",
                value -> OffsetDateTime.parse(value).toInstant());
    }
}
