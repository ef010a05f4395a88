package io.quotah.dev.simulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.EnforcedSpendLimitReachedException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Usage;
import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds the simulator against Anthropic's official Java SDK ({@code com.anthropic:anthropic-java}): the SDK must
 * parse and validate every answer, and map every error to the exception it maps the real API's errors to.
 */
class OfficialAnthropicSdkTest {

    private static final String KEY = "sk-ant-api03-official-sdk-test-0001";
    /** By name: the SDK deprecates its constant for Sonnet 4.5, which the simulator still serves. */
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String RFC_3339_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private ProviderSimulator simulator;
    private AnthropicClient client;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(KeySpec.anthropic(KEY).limits("sonnet", ModelLimits.anthropic(50, 40_000, 8_000)).build())
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
    void creates_a_message_whose_usage_the_sdk_reads_in_full_including_cache_writes_and_reads() {
        // a 1100-token system prompt marked for caching, then 100 tokens of question
        MessageCreateParams params = MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(100)
                .systemOfTextBlockParams(List.of(TextBlockParam.builder()
                        .text("s".repeat(4_400))
                        .cacheControl(CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_5M).build())
                        .build()))
                .addUserMessage("x".repeat(400))
                .build();

        Message first = client.messages().create(params).validate();
        Message second = client.messages().create(params).validate();

        assertThat(first.id()).startsWith("msg_01");
        assertThat(first.model().asString()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(first.stopReason()).contains(StopReason.END_TURN);
        assertThat(first.content()).singleElement()
                .satisfies(block -> assertThat(block.asText().text()).hasSize(32 * 4));
        Usage written = first.usage();
        assertThat(written.inputTokens()).isEqualTo(100);
        assertThat(written.outputTokens()).isEqualTo(32);
        assertThat(written.cacheCreationInputTokens()).contains(1_100L);
        assertThat(written.cacheReadInputTokens()).contains(0L);
        assertThat(written.cacheCreation()).hasValueSatisfying(creation -> {
            assertThat(creation.ephemeral5mInputTokens()).isEqualTo(1_100);
            assertThat(creation.ephemeral1hInputTokens()).isZero();
        });
        assertThat(written.serviceTier()).contains(Usage.ServiceTier.STANDARD);
        Usage read = second.usage();
        assertThat(read.inputTokens()).isEqualTo(100);
        assertThat(read.cacheCreationInputTokens()).contains(0L);
        assertThat(read.cacheReadInputTokens()).contains(1_100L);
    }

    @Test
    void a_drained_key_raises_the_sdks_rate_limit_exception_with_an_integer_retry_after() {
        simulator.drain(KEY, 100);

        RateLimitException error = catchThrowableOfType(RateLimitException.class,
                () -> client.messages().create(ping(1_000)));

        // a real rate limit, not the spend-cap subclass the SDK picks by error.details.error_code
        assertThat(error).isExactlyInstanceOf(RateLimitException.class);
        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.type()).contains(ErrorType.RATE_LIMIT_ERROR);
        assertThat(error.apiMessage()).hasValueSatisfying(message ->
                assertThat(message).contains("8,000 output tokens per minute"));
        assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        // max_tokens 1000 against an empty 8000-a-minute output bucket: 7.5 s, rounded up to whole seconds
        assertThat(error.headers().values("retry-after")).containsExactly("8");
        Map<String, String> headers = SdkResponseHeaders.of(error.headers());
        assertThat(headers)
                .containsEntry("anthropic-ratelimit-requests-remaining", "0")
                .containsEntry("anthropic-ratelimit-output-tokens-remaining", "0")
                .containsEntry("anthropic-ratelimit-output-tokens-reset", "2026-03-02T10:01:00Z");
        // maxRetries(0): the SDK asked once and gave up
        assertThat(simulator.requestsServed()).isEqualTo(1);
    }

    @Test
    void the_raw_response_carries_every_documented_rate_limit_header_in_a_parseable_form() {
        // 1400 input tokens and max_tokens 100 at 10:00:00
        try (HttpResponseFor<Message> raw = client.messages().withRawResponse().create(MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(100)
                .addUserMessage("x".repeat(5_600))
                .build())) {

            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.parse().validate().usage().inputTokens()).isEqualTo(1_400);
            Map<String, String> headers = SdkResponseHeaders.of(raw.headers());
            for (String group : List.of("requests", "input-tokens", "output-tokens", "tokens")) {
                String prefix = "anthropic-ratelimit-" + group + "-";
                assertThat(Long.parseLong(headers.get(prefix + "limit"))).as(prefix + "limit").isPositive();
                assertThat(Long.parseLong(headers.get(prefix + "remaining"))).as(prefix + "remaining").isNotNegative();
                assertThat(headers.get(prefix + "reset")).as(prefix + "reset").matches(RFC_3339_SECONDS);
            }
            assertThat(headers)
                    .containsEntry("anthropic-ratelimit-requests-limit", "50")
                    .containsEntry("anthropic-ratelimit-requests-remaining", "49")
                    .containsEntry("anthropic-ratelimit-input-tokens-limit", "40000")
                    // 38,600 left, rounded to the nearest thousand
                    .containsEntry("anthropic-ratelimit-input-tokens-remaining", "39000")
                    .containsEntry("anthropic-ratelimit-output-tokens-limit", "8000")
                    .containsEntry("anthropic-ratelimit-output-tokens-remaining", "7900")
                    // the combined group follows the tighter of input and output: output
                    .containsEntry("anthropic-ratelimit-tokens-limit", "8000")
                    .containsEntry("anthropic-ratelimit-tokens-remaining", "8000")
                    .doesNotContainKey("retry-after");
            // one request of 50 a minute is back in 1.2 s; 1400 input tokens in 2.1 s; 100 output tokens in 0.75 s
            assertThat(rfc3339(headers.get("anthropic-ratelimit-requests-reset")))
                    .isEqualTo(Instant.parse("2026-03-02T10:00:02Z"));
            assertThat(rfc3339(headers.get("anthropic-ratelimit-input-tokens-reset")))
                    .isEqualTo(Instant.parse("2026-03-02T10:00:03Z"));
            assertThat(rfc3339(headers.get("anthropic-ratelimit-output-tokens-reset")))
                    .isEqualTo(Instant.parse("2026-03-02T10:00:01Z"));
            assertThat(rfc3339(headers.get("anthropic-ratelimit-tokens-reset")))
                    .isEqualTo(Instant.parse("2026-03-02T10:00:01Z"));
            assertThat(headers.get("request-id")).startsWith("req_");
            assertThat(headers.get("anthropic-organization-id")).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void a_bad_key_raises_the_sdks_authentication_exception() {
        AnthropicClient badKey = client("sk-ant-api03-no-such-key-0000");
        try {

            UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class,
                    () -> badKey.messages().create(ping(10)));

            assertThat(error.statusCode()).isEqualTo(401);
            assertThat(error.type()).contains(ErrorType.AUTHENTICATION_ERROR);
            assertThat(error.apiMessage()).contains("invalid x-api-key");
        } finally {
            badKey.close();
        }
    }

    @Test
    void a_spend_cap_raises_the_sdks_spend_limit_exception_without_retry_after() {
        simulator.fault(KEY, Fault.of(FaultType.SPEND_CAP));

        EnforcedSpendLimitReachedException error = catchThrowableOfType(EnforcedSpendLimitReachedException.class,
                () -> client.messages().create(ping(10)));

        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.errorCode()).contains("enforced_spend_limit_reached");
        assertThat(error.details().isValid()).isTrue();
        assertThat(error.headers().values("retry-after")).isEmpty();
    }

    private AnthropicClient client(String apiKey) {
        return AnthropicOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(simulator.anthropicBaseUrl())
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    private static MessageCreateParams ping(long maxTokens) {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(maxTokens)
                .addUserMessage("ping")
                .build();
    }

    private static Instant rfc3339(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }
}
