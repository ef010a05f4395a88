package io.quotah.dev.simulator.anthropic;

import static io.quotah.dev.simulator.SimHttp.anthropicHeaders;
import static io.quotah.dev.simulator.SimHttp.header;
import static io.quotah.dev.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.SimHttp;
import io.quotah.dev.simulator.bucket.LimitWindow;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicApiTest {

    private static final String KEY = "sk-ant-api03-test-key-0001";
    private static final String ADMIN_KEY = "sk-ant-admin01-test-admin-0001";
    private static final String RFC_3339_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00.250Z");
    private ProviderSimulator simulator;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(KeySpec.anthropic(KEY).adminKey(ADMIN_KEY)
                        .limits("sonnet", ModelLimits.anthropic(50, 30_000, 8_000))
                        .limits("haiku", ModelLimits.anthropic(2, 50_000, 10_000))
                        .countTokensRequestsPerMinute(3)
                        .build())
                .build();
        simulator = ProviderSimulator.builder(scenario).clock(clock).backgroundTick(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void answers_messages_in_the_real_shape() {
        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 100, "x".repeat(400)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = json(response);
        assertThat(message.path("id").stringValue()).startsWith("msg_01");
        assertThat(message.path("type").stringValue()).isEqualTo("message");
        assertThat(message.path("role").stringValue()).isEqualTo("assistant");
        assertThat(message.path("model").stringValue()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(message.path("content").get(0).path("type").stringValue()).isEqualTo("text");
        assertThat(message.path("content").get(0).path("text").stringValue()).hasSize(32 * 4);
        assertThat(message.path("stop_reason").stringValue()).isEqualTo("end_turn");
        JsonNode usage = message.path("usage");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(100);
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(32);
        assertThat(usage.path("cache_creation_input_tokens").asLong()).isZero();
        assertThat(usage.path("cache_read_input_tokens").asLong()).isZero();
        assertThat(usage.path("cache_creation").path("ephemeral_5m_input_tokens").isNumber()).isTrue();
        assertThat(usage.path("cache_creation").path("ephemeral_1h_input_tokens").isNumber()).isTrue();
        assertThat(usage.path("service_tier").stringValue()).isEqualTo("standard");
        assertThat(header(response, "request-id")).startsWith("req_");
        assertThat(header(response, "anthropic-organization-id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void max_tokens_below_the_reply_cuts_it_short() {
        JsonNode message = json(messages(KEY, request("claude-sonnet-4-5", 1, "ping")));

        assertThat(message.path("usage").path("output_tokens").asLong()).isEqualTo(1);
        assertThat(message.path("stop_reason").stringValue()).isEqualTo("max_tokens");
    }

    @Test
    void sends_every_rate_limit_header_in_the_documented_formats() {
        // 1400 input tokens and max_tokens 100 at 10:00:00.250
        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 100, "x".repeat(5_600)));

        assertThat(header(response, "anthropic-ratelimit-requests-limit")).isEqualTo("50");
        assertThat(header(response, "anthropic-ratelimit-requests-remaining")).isEqualTo("49");
        // one request of 50 a minute is back in 1.2 s: 10:00:01.450, rounded up to the second
        assertThat(header(response, "anthropic-ratelimit-requests-reset")).isEqualTo("2026-03-02T10:00:02Z");
        assertThat(header(response, "anthropic-ratelimit-input-tokens-limit")).isEqualTo("30000");
        // 28,600 left, rounded to the nearest thousand
        assertThat(header(response, "anthropic-ratelimit-input-tokens-remaining")).isEqualTo("29000");
        // 1400 tokens at 500 a second: 2.8 s
        assertThat(header(response, "anthropic-ratelimit-input-tokens-reset")).isEqualTo("2026-03-02T10:00:04Z");
        assertThat(header(response, "anthropic-ratelimit-output-tokens-limit")).isEqualTo("8000");
        // output is charged by max_tokens at the start
        assertThat(header(response, "anthropic-ratelimit-output-tokens-remaining")).isEqualTo("7900");
        // 100 tokens at 133.3 a second: 0.75 s, exactly 10:00:01
        assertThat(header(response, "anthropic-ratelimit-output-tokens-reset")).isEqualTo("2026-03-02T10:00:01Z");
        // the combined group follows the tighter of input (28,600) and output (7,900)
        assertThat(header(response, "anthropic-ratelimit-tokens-limit")).isEqualTo("8000");
        assertThat(header(response, "anthropic-ratelimit-tokens-remaining")).isEqualTo("8000");
        assertThat(header(response, "anthropic-ratelimit-tokens-reset")).isEqualTo("2026-03-02T10:00:01Z");
        assertThat(response.headers().map().keySet().stream()
                .filter(name -> name.toLowerCase().endsWith("-reset"))
                .map(name -> header(response, name)))
                .hasSize(4)
                .allMatch(value -> value.matches(RFC_3339_SECONDS));
    }

    @Test
    void rounds_input_remaining_down_to_the_nearest_thousand_too() {
        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 100, "x".repeat(6_400)));

        // 30,000 - 1,600 = 28,400
        assertThat(header(response, "anthropic-ratelimit-input-tokens-remaining")).isEqualTo("28000");
        assertThat(simulator.state().key(KEY).bucket("sonnet", LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining())
                .isEqualTo(28_400);
    }

    @Test
    void buckets_refill_with_clock_time() {
        messages(KEY, request("claude-sonnet-4-5", 4_000, "hello"));
        messages(KEY, request("claude-sonnet-4-5", 4_000, "hello"));
        HttpResponse<String> refused = messages(KEY, request("claude-sonnet-4-5", 1_000, "hello"));
        assertThat(refused.statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(15));
        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 1_000, "hello"));

        // 8,000 a minute refill 2,000 in 15 s, of which this request took 1,000
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "anthropic-ratelimit-output-tokens-remaining")).isEqualTo("1000");
    }

    @Test
    void answers_429_rate_limit_error_with_retry_after_when_a_limit_is_reached() {
        messages(KEY, request("claude-haiku-4-5", 10, "one"));
        messages(KEY, request("claude-haiku-4-5", 10, "two"));

        HttpResponse<String> response = messages(KEY, request("claude-haiku-4-5", 10, "three"));

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode body = json(response);
        assertThat(body.path("type").stringValue()).isEqualTo("error");
        assertThat(body.path("error").path("type").stringValue()).isEqualTo("rate_limit_error");
        assertThat(body.path("error").path("message").stringValue())
                .startsWith("This request would exceed your organization's rate limit of 2 requests per minute")
                .contains("model: claude-haiku-4-5-20251001");
        assertThat(body.path("request_id").stringValue()).isEqualTo(header(response, "request-id"));
        // two requests a minute: one is back in 30 s
        assertThat(header(response, "retry-after")).isEqualTo("30");
        assertThat(header(response, "anthropic-ratelimit-requests-remaining")).isEqualTo("0");

        clock.advance(Duration.ofSeconds(30));
        assertThat(messages(KEY, request("claude-haiku-4-5", 10, "four")).statusCode()).isEqualTo(200);
    }

    @Test
    void names_the_token_limit_that_was_exceeded() {
        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 100, "x".repeat(124_000)));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).path("error").path("message").stringValue())
                .contains("rate limit of 30,000 input tokens per minute");
    }

    @Test
    void the_spend_cap_429_carries_an_error_code_and_no_retry_after() {
        simulator.fault(KEY, Fault.of(FaultType.SPEND_CAP));

        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 10, "hello"));

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").stringValue()).isEqualTo("rate_limit_error");
        assertThat(error.path("details").path("error_code").stringValue()).isEqualTo("enforced_spend_limit_reached");
        assertThat(error.path("message").stringValue()).contains("regain access on 2026-04-01");
        assertThat(response.headers().firstValue("retry-after")).isEmpty();
    }

    @Test
    void an_unknown_key_gets_401_with_anthropics_body() {
        HttpResponse<String> response = messages("sk-ant-api03-unknown-0000", request("claude-sonnet-4-5", 10, "hi"));

        assertThat(response.statusCode()).isEqualTo(401);
        ObjectNode expected = Json.object();
        expected.put("type", "error");
        expected.putObject("error").put("type", "authentication_error").put("message", "invalid x-api-key");
        expected.put("request_id", header(response, "request-id"));
        assertThat(json(response)).isEqualTo(expected);
    }

    @Test
    void a_missing_key_an_admin_key_and_a_revoked_key_get_401_too() {
        HttpResponse<String> missing = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages",
                request("claude-sonnet-4-5", 10, "hi"), "anthropic-version", "2023-06-01");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).path("error").path("message").stringValue()).isEqualTo("x-api-key header is required");

        assertThat(messages(ADMIN_KEY, request("claude-sonnet-4-5", 10, "hi")).statusCode()).isEqualTo(401);

        simulator.fault(KEY, Fault.of(FaultType.INVALID));
        assertThat(messages(KEY, request("claude-sonnet-4-5", 10, "hi")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_server_error_fault_answers_529_overloaded() {
        simulator.fault(KEY, Fault.of(FaultType.SERVER_ERROR));

        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 10, "hi"));

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(json(response).path("error").path("type").stringValue()).isEqualTo("overloaded_error");
    }

    @Test
    void an_unknown_model_or_one_without_limits_is_404_not_found() {
        HttpResponse<String> unknown = messages(KEY, request("claude-9-mega", 10, "hi"));
        HttpResponse<String> noAccess = messages(KEY, request("claude-opus-4-5", 10, "hi"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("type").stringValue()).isEqualTo("not_found_error");
        assertThat(json(unknown).path("error").path("message").stringValue()).isEqualTo("model: claude-9-mega");
        assertThat(noAccess.statusCode()).isEqualTo(404);
    }

    @Test
    void a_request_without_max_tokens_is_400() {
        HttpResponse<String> response = messages(KEY, """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").stringValue()).isEqualTo("max_tokens: Field required");
    }

    @Test
    void count_tokens_counts_for_free_under_its_own_request_limit() {
        String body = """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"%s"}]}""".formatted("x".repeat(800));
        String url = simulator.anthropicBaseUrl() + "/v1/messages/count_tokens";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> counted = SimHttp.post(url, body, anthropicHeaders(KEY));
            assertThat(counted.statusCode()).isEqualTo(200);
            assertThat(json(counted).path("input_tokens").asLong()).isEqualTo(200);
            assertThat(header(counted, "anthropic-ratelimit-requests-limit")).isEqualTo("3");
        }

        assertThat(SimHttp.post(url, body, anthropicHeaders(KEY)).statusCode()).isEqualTo(429);
        HttpResponse<String> message = messages(KEY, request("claude-sonnet-4-5", 10, "hi"));
        assertThat(header(message, "anthropic-ratelimit-requests-limit")).isEqualTo("50");
        assertThat(header(message, "anthropic-ratelimit-input-tokens-remaining")).isEqualTo("30000");
    }

    @Test
    void lists_the_keys_models_newest_first_without_rate_limit_headers() {
        String url = simulator.anthropicBaseUrl() + "/v1/models";
        HttpResponse<String> response = SimHttp.get(url, anthropicHeaders(KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("data").valueStream().map(model -> model.path("id").stringValue()))
                .containsExactly("claude-sonnet-5", "claude-sonnet-4-6", "claude-haiku-4-5-20251001",
                        "claude-sonnet-4-5-20250929");
        assertThat(body.path("data").get(0).path("type").stringValue()).isEqualTo("model");
        assertThat(body.path("first_id").stringValue()).isEqualTo("claude-sonnet-5");
        assertThat(body.path("last_id").stringValue()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(body.path("has_more").asBoolean()).isFalse();
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.contains("ratelimit"));

        JsonNode page = json(SimHttp.get(url + "?limit=2&after_id=claude-sonnet-4-6", anthropicHeaders(KEY)));
        assertThat(page.path("first_id").stringValue()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(json(SimHttp.get(url + "?limit=1", anthropicHeaders(KEY))).path("has_more").asBoolean()).isTrue();
    }

    @Test
    void draining_to_95_percent_leaves_5_percent_of_every_window() {
        simulator.drain(KEY, 95);

        var sonnet = simulator.state().key(KEY).limits().get("sonnet");
        assertThat(sonnet.get(LimitWindow.REQUESTS_PER_MINUTE).remaining()).isEqualTo(2);
        assertThat(sonnet.get(LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(1_500);
        assertThat(sonnet.get(LimitWindow.OUTPUT_TOKENS_PER_MINUTE).remaining()).isEqualTo(400);

        HttpResponse<String> response = messages(KEY, request("claude-sonnet-4-5", 100, "x".repeat(400)));
        assertThat(header(response, "anthropic-ratelimit-requests-remaining")).isEqualTo("1");
        assertThat(header(response, "anthropic-ratelimit-input-tokens-remaining")).isEqualTo("1000");
        assertThat(header(response, "anthropic-ratelimit-output-tokens-remaining")).isEqualTo("300");
    }

    @Test
    void a_cache_breakpoint_writes_the_prefix_once_and_reads_it_after() {
        String body = cachedRequest("5m");

        JsonNode first = json(messages(KEY, body)).path("usage");
        JsonNode second = json(messages(KEY, body)).path("usage");

        // 4,400 characters of system prompt are 1,100 tokens; the question 10
        assertThat(first.path("cache_creation_input_tokens").asLong()).isEqualTo(1_100);
        assertThat(first.path("cache_creation").path("ephemeral_5m_input_tokens").asLong()).isEqualTo(1_100);
        assertThat(first.path("input_tokens").asLong()).isEqualTo(10);
        assertThat(second.path("cache_read_input_tokens").asLong()).isEqualTo(1_100);
        assertThat(second.path("cache_creation_input_tokens").asLong()).isZero();
        // ITPM counts cache writes but not reads
        assertThat(simulator.state().key(KEY).bucket("sonnet", LimitWindow.INPUT_TOKENS_PER_MINUTE).remaining())
                .isEqualTo(30_000 - 1_110 - 10);

        clock.advance(Duration.ofMinutes(6));
        JsonNode expired = json(messages(KEY, body)).path("usage");
        assertThat(expired.path("cache_creation_input_tokens").asLong()).isEqualTo(1_100);
    }

    @Test
    void a_one_hour_breakpoint_is_a_one_hour_cache_write() {
        JsonNode usage = json(messages(KEY, cachedRequest("1h"))).path("usage");

        assertThat(usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong()).isEqualTo(1_100);
        assertThat(usage.path("cache_creation").path("ephemeral_5m_input_tokens").asLong()).isZero();
    }

    private static String cachedRequest(String ttl) {
        ObjectNode body = Json.object().put("model", "claude-sonnet-4-5").put("max_tokens", 10);
        body.putArray("system").addObject()
                .put("type", "text")
                .put("text", "s".repeat(4_400))
                .putObject("cache_control").put("type", "ephemeral").put("ttl", ttl);
        body.putArray("messages").addObject().put("role", "user").put("content", "q".repeat(40));
        return body.toString();
    }

    private HttpResponse<String> messages(String key, String body) {
        return SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", body, anthropicHeaders(key));
    }

    static String request(String model, long maxTokens, String text) {
        ObjectNode body = Json.object().put("model", model).put("max_tokens", maxTokens);
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        return body.toString();
    }
}
