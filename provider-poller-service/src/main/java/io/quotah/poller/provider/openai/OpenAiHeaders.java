package io.quotah.poller.provider.openai;

import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.poller.provider.HeaderParsing;
import io.quotah.poller.provider.LimitReading;
import io.quotah.poller.provider.ResponseHeaders;
import java.time.Duration;
import java.time.Instant;

/** OpenAI's {@code x-ratelimit-*} headers, with resets as Go durations from the moment of the answer. */
final class OpenAiHeaders {

    private OpenAiHeaders() {
    }

    static LimitReading read(ResponseHeaders headers, Instant receivedAt) {
        HeaderParsing parsing = new HeaderParsing(headers);
        parsing.window(WindowKind.REQUESTS, "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
                "x-ratelimit-reset-requests", value -> receivedAt.plus(GoDuration.parse(value)));
        parsing.window(WindowKind.TOKENS, "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
                "x-ratelimit-reset-tokens", value -> receivedAt.plus(GoDuration.parse(value)));
        parsing.window(WindowKind.PROJECT_TOKENS, "x-ratelimit-limit-project-tokens",
                "x-ratelimit-remaining-project-tokens", "x-ratelimit-reset-project-tokens",
                value -> receivedAt.plus(GoDuration.parse(value)));
        Duration retryAfter = parsing.retryAfterMillis("retry-after-ms");
        Duration retryAfterSeconds = parsing.retryAfterSeconds("retry-after");
        return parsing.reading(retryAfter != null ? retryAfter : retryAfterSeconds);
    }
}
