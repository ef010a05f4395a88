package io.quotah.poller.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.poller.provider.anthropic.AnthropicAdapter;
import io.quotah.poller.provider.anthropic.AnthropicSettings;
import io.quotah.poller.provider.openai.OpenAiAdapter;
import io.quotah.poller.provider.openai.OpenAiSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers shaped exactly as PROVIDERS.md records them, with their absent and garbage variants. */
class HeaderReadingTest {

    private static final Instant RECEIVED = Instant.parse("2025-08-21T12:40:00Z");

    private static final ProviderHttp HTTP = new ProviderHttp(new ProviderSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(1)));

    private final ProviderAdapters adapters = new ProviderAdapters(List.of(
            new AnthropicAdapter(HTTP, new AnthropicSettings(null, null)),
            new OpenAiAdapter(HTTP, new OpenAiSettings(null, null))));
    private final ProviderAdapter anthropic = adapters.of(io.quotah.contracts.events.Provider.ANTHROPIC).orElseThrow();
    private final ProviderAdapter openAi = adapters.of(io.quotah.contracts.events.Provider.OPENAI).orElseThrow();

    @Test
    void anthropic_every_documented_window_with_bucket_resets() {
        LimitReading reading = anthropic.readLimits(ResponseHeaders.of(Map.ofEntries(
                Map.entry("anthropic-ratelimit-requests-limit", "50"),
                Map.entry("anthropic-ratelimit-requests-remaining", "49"),
                Map.entry("anthropic-ratelimit-requests-reset", "2025-08-21T12:40:59Z"),
                Map.entry("anthropic-ratelimit-tokens-limit", "90000"),
                Map.entry("anthropic-ratelimit-tokens-remaining", "89000"),
                Map.entry("anthropic-ratelimit-tokens-reset", "2025-08-21T12:40:01Z"),
                Map.entry("Anthropic-RateLimit-Input-Tokens-Limit", "40000"),
                Map.entry("anthropic-ratelimit-input-tokens-remaining", "39000"),
                Map.entry("anthropic-ratelimit-input-tokens-reset", "2025-08-21T12:40:01.5+00:00"),
                Map.entry("anthropic-ratelimit-output-tokens-limit", "8000"),
                Map.entry("anthropic-ratelimit-output-tokens-remaining", "7999"),
                Map.entry("anthropic-ratelimit-output-tokens-reset", "2025-08-21T12:40:00Z"),
                Map.entry("anthropic-priority-input-tokens-limit", "10000"),
                Map.entry("anthropic-fast-output-tokens-remaining", "500"),
                Map.entry("request-id", "req_018EeWyXxfu5pfWkrYcMdjWG"))), RECEIVED);

        assertThat(reading.windows()).containsExactly(
                new RateLimitWindow(WindowKind.REQUESTS, 50L, 49L, Instant.parse("2025-08-21T12:40:59Z")),
                new RateLimitWindow(WindowKind.TOKENS, 90000L, 89000L, Instant.parse("2025-08-21T12:40:01Z")),
                new RateLimitWindow(WindowKind.INPUT_TOKENS, 40000L, 39000L, Instant.parse("2025-08-21T12:40:01.5Z")),
                new RateLimitWindow(WindowKind.OUTPUT_TOKENS, 8000L, 7999L, Instant.parse("2025-08-21T12:40:00Z")),
                new RateLimitWindow(WindowKind.PRIORITY_INPUT_TOKENS, 10000L, null, null),
                new RateLimitWindow(WindowKind.FAST_OUTPUT_TOKENS, null, 500L, null));
        assertThat(reading.retryAfter()).isNull();
        assertThat(reading.unreadableHeaders()).isZero();
    }

    @Test
    void anthropic_absent_headers_are_unknown_and_garbage_is_counted_not_fatal() {
        LimitReading reading = anthropic.readLimits(ResponseHeaders.of(Map.of(
                "anthropic-ratelimit-requests-limit", "fifty",
                "anthropic-ratelimit-requests-remaining", "-3",
                "anthropic-ratelimit-requests-reset", "tomorrow",
                "anthropic-ratelimit-tokens-remaining", "12000",
                "retry-after", "soon")), RECEIVED);

        assertThat(reading.windows()).containsExactly(
                new RateLimitWindow(WindowKind.REQUESTS, null, null, null),
                new RateLimitWindow(WindowKind.TOKENS, null, 12000L, null));
        assertThat(reading.unreadableHeaders()).isEqualTo(4);
        assertThat(reading.retryAfter()).isNull();
    }

    @Test
    void anthropic_429_retry_after_in_seconds() {
        LimitReading reading = anthropic.readLimits(ResponseHeaders.of(Map.of("retry-after", "17",
                "anthropic-ratelimit-tokens-remaining", "0")), RECEIVED);
        assertThat(reading.retryAfter()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void anthropic_response_without_rate_limit_headers_reads_as_nothing() {
        assertThat(anthropic.readLimits(ResponseHeaders.of(Map.of("content-type", "application/json")), RECEIVED)
                .isEmpty()).isTrue();
    }

    @Test
    void openai_go_duration_resets_count_from_the_answer() {
        LimitReading reading = openAi.readLimits(ResponseHeaders.of(Map.of(
                "x-ratelimit-limit-requests", "500",
                "x-ratelimit-remaining-requests", "499",
                "x-ratelimit-reset-requests", "120ms",
                "x-ratelimit-limit-tokens", "50000",
                "x-ratelimit-remaining-tokens", "47949",
                "x-ratelimit-reset-tokens", "6m0s",
                "x-ratelimit-limit-project-tokens", "1000000",
                "x-ratelimit-remaining-project-tokens", "999000",
                "x-ratelimit-reset-project-tokens", "1h2m3.5s",
                "retry-after", "2")), RECEIVED);

        assertThat(reading.windows()).containsExactly(
                new RateLimitWindow(WindowKind.REQUESTS, 500L, 499L, RECEIVED.plusMillis(120)),
                new RateLimitWindow(WindowKind.TOKENS, 50000L, 47949L, RECEIVED.plusSeconds(360)),
                new RateLimitWindow(WindowKind.PROJECT_TOKENS, 1_000_000L, 999_000L, RECEIVED.plusMillis(3_723_500)));
        assertThat(reading.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void openai_azure_retry_after_ms_placeholders_mean_nothing() {
        assertThat(openAi.readLimits(ResponseHeaders.of(Map.of("retry-after-ms", "-1",
                "x-ratelimit-remaining-tokens", "10")), RECEIVED).retryAfter()).isNull();
        assertThat(openAi.readLimits(ResponseHeaders.of(Map.of("retry-after-ms", "0", "retry-after", "3",
                "x-ratelimit-remaining-tokens", "10")), RECEIVED).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(openAi.readLimits(ResponseHeaders.of(Map.of("retry-after-ms", "1146",
                "x-ratelimit-remaining-tokens", "10")), RECEIVED).retryAfter()).isEqualTo(Duration.ofMillis(1146));
    }

    @Test
    void openai_garbage_reset_keeps_the_numbers() {
        LimitReading reading = openAi.readLimits(ResponseHeaders.of(Map.of(
                "x-ratelimit-limit-tokens", "50000",
                "x-ratelimit-remaining-tokens", "1000",
                "x-ratelimit-reset-tokens", "6 minutes")), RECEIVED);
        assertThat(reading.windows()).containsExactly(new RateLimitWindow(WindowKind.TOKENS, 50000L, 1000L, null));
        assertThat(reading.unreadableHeaders()).isEqualTo(1);
    }

    @Test
    void key_formats_are_checked_per_provider_and_masks_show_prefix_and_last_four() {
        assertThat(anthropic.keyFormatProblem("sk-ant-api03-test-only-fake-WXYZ")).isEmpty();
        assertThat(anthropic.keyFormatProblem("sk-proj-test-only-fake-key-wxyz")).isPresent();
        assertThat(anthropic.keyFormatProblem("sk-ant-admin01-test-only-fake")).get().asString()
                .contains("Admin key");
        assertThat(anthropic.adminKeyFormatProblem("sk-ant-admin01-test-only-fake")).isEmpty();
        assertThat(openAi.keyFormatProblem("sk-proj-test-only-fake-key-wxyz")).isEmpty();
        assertThat(openAi.keyFormatProblem("sk-ant-api03-test-only-fake")).isEmpty().as("sk- keys are OpenAI's too");
        assertThat(openAi.keyFormatProblem("pk-test-only-fake-key-wxyz")).isPresent();
        assertThat(openAi.keyFormatProblem("sk-admin-test-only-fake-key-wxyz")).isPresent();

        assertThat(anthropic.mask("sk-ant-api03-test-only-fake-WXYZ")).isEqualTo("sk-ant-…WXYZ");
        assertThat(openAi.mask("sk-proj-test-only-fake-key-wxyz")).isEqualTo("sk-proj-…wxyz");
        assertThat(openAi.mask("sk-admin-test-only-fake-key-wxyz")).isEqualTo("sk-admin-…wxyz");
    }
}
