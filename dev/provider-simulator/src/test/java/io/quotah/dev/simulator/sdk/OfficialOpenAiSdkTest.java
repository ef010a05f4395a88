package io.quotah.dev.simulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseUsage;
import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds the simulator against OpenAI's official Java SDK ({@code com.openai:openai-java}): the SDK must parse and
 * validate every answer, and map every error to the exception it maps the real API's errors to.
 */
class OfficialOpenAiSdkTest {

    private static final String KEY = "sk-proj-official-sdk-test-0001";
    /** Go's time.Duration.String() as OpenAI sends it: 1h2m3.5s, 6m0s, 1.146s, 12ms. */
    private static final Pattern GO_DURATION =
            Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+(?:\\.\\d+)?)ms)?");

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private ProviderSimulator simulator;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(KeySpec.openAi(KEY).projectId("proj_sdk_test")
                        .limits("gpt-4o-mini", ModelLimits.openAi(500, 200_000))
                        .limits("gpt-5-mini", ModelLimits.openAi(500, 100_000))
                        .build())
                .build();
        simulator = ProviderSimulator.builder(scenario).clock(clock).backgroundTick(Duration.ZERO).start();
        client = client(KEY);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void creates_a_chat_completion_whose_usage_the_sdk_reads_in_full_including_cached_and_reasoning_tokens() {
        // a reasoning model; 1100 tokens of leading system message are cached from the second call on
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-5-mini")
                .addSystemMessage("s".repeat(4_400))
                .addUserMessage("x".repeat(400))
                .build();

        ChatCompletion first = client.chat().completions().create(params).validate();
        ChatCompletion second = client.chat().completions().create(params).validate();

        assertThat(first.id()).startsWith("chatcmpl-");
        assertThat(first.model()).isEqualTo("gpt-5-mini-2025-08-07");
        assertThat(first.choices()).singleElement()
                .satisfies(choice -> assertThat(choice.message().content()).hasValueSatisfying(
                        text -> assertThat(text).hasSize(32 * 4)));
        CompletionUsage fresh = first.usage().orElseThrow();
        assertThat(fresh.promptTokens()).isEqualTo(1_200);
        // 64 reasoning tokens, then the 32-token reply; both are output
        assertThat(fresh.completionTokens()).isEqualTo(96);
        assertThat(fresh.totalTokens()).isEqualTo(1_296);
        assertThat(fresh.promptTokensDetails().orElseThrow().cachedTokens()).contains(0L);
        assertThat(fresh.completionTokensDetails().orElseThrow().reasoningTokens()).contains(64L);
        CompletionUsage cached = second.usage().orElseThrow();
        // cached tokens stay inside prompt_tokens; the prefix is read in steps of 128
        assertThat(cached.promptTokens()).isEqualTo(1_200);
        assertThat(cached.promptTokensDetails().orElseThrow().cachedTokens()).contains(1_024L);
    }

    @Test
    void creates_a_response_whose_usage_the_sdk_reads_in_full() {
        Response response = client.responses().create(ResponseCreateParams.builder()
                .model("gpt-4o-mini")
                .input("x".repeat(400))
                .maxOutputTokens(50)
                .build()).validate();

        assertThat(response.id()).startsWith("resp_");
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        ResponseUsage usage = response.usage().orElseThrow();
        assertThat(usage.inputTokens()).isEqualTo(100);
        assertThat(usage.inputTokensDetails().cachedTokens()).isZero();
        assertThat(usage.outputTokens()).isEqualTo(32);
        assertThat(usage.outputTokensDetails().reasoningTokens()).isZero();
        assertThat(usage.totalTokens()).isEqualTo(132);
    }

    @Test
    void a_drained_key_raises_the_sdks_rate_limit_exception_with_an_integer_retry_after() {
        simulator.drain(KEY, 100);

        RateLimitException error = catchThrowableOfType(RateLimitException.class,
                () -> client.chat().completions().create(ping(20_000)));

        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.code()).contains("rate_limit_exceeded");
        assertThat(error.type()).contains("tokens");
        // 1 prompt token + 20,000 allowed output against an empty 200,000-a-minute bucket: 6.0003 s
        assertThat(error.getMessage()).contains("Limit 200000, Used 200000, Requested 20001. Please try again in 6.001s.");
        assertThat(error.headers().values("retry-after")).containsExactly("7");
        Map<String, String> headers = SdkResponseHeaders.of(error.headers());
        assertThat(headers)
                .containsEntry("x-ratelimit-remaining-tokens", "0")
                .containsEntry("x-ratelimit-reset-tokens", "1m0s");
        assertThat(goDuration(headers.get("x-ratelimit-reset-tokens"))).isEqualTo(Duration.ofMinutes(1));
        // maxRetries(0): the SDK asked once and gave up
        assertThat(simulator.requestsServed()).isEqualTo(1);
    }

    @Test
    void the_raw_response_carries_every_documented_rate_limit_header_in_a_parseable_form() {
        // 100 prompt tokens + 100 allowed output tokens at 10:00:00
        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("x".repeat(400))
                        .maxCompletionTokens(100)
                        .build())) {

            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.parse().validate().usage().orElseThrow().promptTokens()).isEqualTo(100);
            Map<String, String> headers = SdkResponseHeaders.of(raw.headers());
            for (String kind : List.of("requests", "tokens")) {
                assertThat(Long.parseLong(headers.get("x-ratelimit-limit-" + kind))).isPositive();
                assertThat(Long.parseLong(headers.get("x-ratelimit-remaining-" + kind))).isNotNegative();
                assertThat(headers.get("x-ratelimit-reset-" + kind)).matches(GO_DURATION);
            }
            assertThat(headers)
                    .containsEntry("x-ratelimit-limit-requests", "500")
                    .containsEntry("x-ratelimit-remaining-requests", "499")
                    .containsEntry("x-ratelimit-limit-tokens", "200000")
                    .containsEntry("x-ratelimit-remaining-tokens", "199800")
                    .doesNotContainKey("retry-after");
            // one request of 500 a minute is back in 120 ms, 200 tokens of 200,000 a minute in 60 ms
            assertThat(headers.get("x-ratelimit-reset-requests")).isEqualTo("120ms");
            assertThat(goDuration(headers.get("x-ratelimit-reset-requests"))).isEqualTo(Duration.ofMillis(120));
            assertThat(goDuration(headers.get("x-ratelimit-reset-tokens"))).isEqualTo(Duration.ofMillis(60));
            assertThat(headers.get("x-request-id")).startsWith("req_");
        }
    }

    @Test
    void a_bad_key_raises_the_sdks_authentication_exception() {
        OpenAIClient badKey = client("sk-proj-no-such-key-abcd");
        try {

            UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class,
                    () -> badKey.chat().completions().create(ping(10)));

            assertThat(error.statusCode()).isEqualTo(401);
            assertThat(error.code()).contains("invalid_api_key");
            assertThat(error.getMessage()).contains("Incorrect API key provided: sk-proj-...abcd.");
        } finally {
            badKey.close();
        }
    }

    @Test
    void the_go_duration_parser_reads_what_go_prints() {
        assertThat(goDuration("6m0s")).isEqualTo(Duration.ofMinutes(6));
        assertThat(goDuration("12ms")).isEqualTo(Duration.ofMillis(12));
        assertThat(goDuration("1.146s")).isEqualTo(Duration.ofMillis(1_146));
        assertThat(goDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(GO_DURATION.matcher("2026-03-02T10:00:00Z").matches()).isFalse();
    }

    private OpenAIClient client(String apiKey) {
        // the SDK's base URL includes the version: its default is https://api.openai.com/v1
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(simulator.openAiBaseUrl() + "/v1")
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    private static ChatCompletionCreateParams ping(long maxCompletionTokens) {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("ping")
                .maxCompletionTokens(maxCompletionTokens)
                .build();
    }

    /** A Go duration as OpenAI's reset headers carry it; fails the test on anything else. */
    private static Duration goDuration(String value) {
        Matcher parts = GO_DURATION.matcher(value);
        assertThat(value).isNotEmpty();
        assertThat(parts.matches()).as("Go duration: %s", value).isTrue();
        Duration duration = Duration.ZERO;
        if (parts.group(1) != null) {
            duration = duration.plusHours(Long.parseLong(parts.group(1)));
        }
        if (parts.group(2) != null) {
            duration = duration.plusMinutes(Long.parseLong(parts.group(2)));
        }
        if (parts.group(3) != null) {
            duration = duration.plusNanos(Math.round(Double.parseDouble(parts.group(3)) * 1e9));
        }
        if (parts.group(4) != null) {
            duration = duration.plusNanos(Math.round(Double.parseDouble(parts.group(4)) * 1e6));
        }
        return duration;
    }
}
