package io.quotah.dev.simulator.openai;

import static io.quotah.dev.simulator.SimHttp.bearer;
import static io.quotah.dev.simulator.SimHttp.header;
import static io.quotah.dev.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.SimHttp;
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

class OpenAiApiTest {

    private static final String KEY = "sk-proj-test-key-0001";
    private static final String GO_DURATION = "(\\d+h)?(\\d+m)?\\d+(\\.\\d+)?(s|ms)";

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private ProviderSimulator simulator;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(KeySpec.openAi(KEY).adminKey("sk-admin-test-admin-0001").projectId("proj_test")
                        .limits("gpt-4o-mini", ModelLimits.openAi(500, 200_000))
                        .limits("gpt-4o", ModelLimits.openAi(500, 50_000))
                        .limits("gpt-4.1", ModelLimits.openAi(2, 30_000).withRequestsPerDay(10))
                        .limits("o3", ModelLimits.openAi(500, 30_000))
                        .build())
                .build();
        simulator = ProviderSimulator.builder(scenario).clock(clock).backgroundTick(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void answers_chat_completions_in_the_real_shape() {
        HttpResponse<String> response = chat(KEY, "gpt-4o-mini", null, "x".repeat(400));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = json(response);
        assertThat(completion.path("id").stringValue()).startsWith("chatcmpl-");
        assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
        assertThat(completion.path("model").stringValue()).isEqualTo("gpt-4o-mini-2024-07-18");
        JsonNode choice = completion.path("choices").get(0);
        assertThat(choice.path("message").path("role").stringValue()).isEqualTo("assistant");
        assertThat(choice.path("finish_reason").stringValue()).isEqualTo("stop");
        JsonNode usage = completion.path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(100);
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(32);
        assertThat(usage.path("total_tokens").asLong()).isEqualTo(132);
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong()).isZero();
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong()).isZero();
        assertThat(header(response, "x-request-id")).matches("req_[0-9a-f]{32}");
    }

    @Test
    void sends_the_rate_limit_headers_with_go_durations() {
        // 900 prompt tokens plus a 100-token allowance: 1,000 of 200,000 a minute
        HttpResponse<String> response = chat(KEY, "gpt-4o-mini", 100L, "x".repeat(3_600));

        assertThat(header(response, "x-ratelimit-limit-requests")).isEqualTo("500");
        assertThat(header(response, "x-ratelimit-remaining-requests")).isEqualTo("499");
        assertThat(header(response, "x-ratelimit-limit-tokens")).isEqualTo("200000");
        assertThat(header(response, "x-ratelimit-remaining-tokens")).isEqualTo("199000");
        // one request of 500 a minute: 120 ms; 1,000 tokens of 200,000 a minute: 300 ms
        assertThat(header(response, "x-ratelimit-reset-requests")).isEqualTo("120ms");
        assertThat(header(response, "x-ratelimit-reset-tokens")).isEqualTo("300ms");

        clock.advance(Duration.ofMillis(100));
        HttpResponse<String> next = chat(KEY, "gpt-4o-mini", 100L, "x".repeat(3_600));
        assertThat(header(next, "x-ratelimit-remaining-tokens")).isEqualTo("198333");
        assertThat(header(next, "x-ratelimit-reset-tokens")).matches(GO_DURATION).isEqualTo("500ms");
    }

    @Test
    void a_daily_request_limit_shows_in_the_requests_headers_once_it_is_the_tighter_one() {
        HttpResponse<String> response = chat(KEY, "gpt-4.1", 10L, "hello");

        // after one request, 1 left of 2 a minute is fewer than 9 left of 10 a day: the minute limit shows
        assertThat(header(response, "x-ratelimit-limit-requests")).isEqualTo("2");
        assertThat(header(response, "x-ratelimit-reset-requests")).isEqualTo("30s");

        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 8; i++) {
            chat(KEY, "gpt-4.1", 10L, "hello");
            clock.advance(Duration.ofMinutes(1));
        }
        HttpResponse<String> tenth = chat(KEY, "gpt-4.1", 10L, "hello");

        // ten requests in nine minutes leave the day bucket nearly empty: it refills one request per 2h24m
        assertThat(header(tenth, "x-ratelimit-limit-requests")).isEqualTo("10");
        assertThat(header(tenth, "x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(header(tenth, "x-ratelimit-reset-requests")).matches(GO_DURATION).startsWith("23h");
    }

    @Test
    void answers_429_with_the_documented_message_and_retry_after() {
        // 47,849 prompt tokens + 100 = 47,949 used of 50,000
        assertThat(chat(KEY, "gpt-4o", 100L, "x".repeat(191_396)).statusCode()).isEqualTo(200);

        // 2,906 + 100 = 3,006 requested; 955 short at 833.3 a second
        HttpResponse<String> response = chat(KEY, "gpt-4o", 100L, "x".repeat(11_624));

        assertThat(response.statusCode()).isEqualTo(429);
        ObjectNode expected = Json.object();
        expected.putObject("error")
                .put("message", "Rate limit reached for gpt-4o in project proj_test on tokens per min (TPM): "
                        + "Limit 50000, Used 47949, Requested 3006. Please try again in 1.146s. "
                        + "Visit https://platform.openai.com/account/rate-limits to learn more.")
                .put("type", "tokens")
                .putNull("param")
                .put("code", "rate_limit_exceeded");
        assertThat(json(response)).isEqualTo(expected);
        assertThat(header(response, "retry-after")).isEqualTo("2");
        assertThat(header(response, "x-ratelimit-remaining-tokens")).isEqualTo("2051");
    }

    @Test
    void a_request_limit_429_is_of_type_requests() {
        chat(KEY, "gpt-4.1", 10L, "one");
        chat(KEY, "gpt-4.1", 10L, "two");

        HttpResponse<String> response = chat(KEY, "gpt-4.1", 10L, "three");

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").stringValue()).isEqualTo("requests");
        assertThat(error.path("message").stringValue())
                .contains("on requests per min (RPM): Limit 2, Used 2, Requested 1. Please try again in 30s.");
        assertThat(header(response, "retry-after")).isEqualTo("30");
    }

    @Test
    void insufficient_quota_is_a_429_without_retry_after() {
        simulator.fault(KEY, Fault.of(FaultType.INSUFFICIENT_QUOTA));

        HttpResponse<String> response = chat(KEY, "gpt-4o-mini", null, "hello");

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").stringValue()).isEqualTo("insufficient_quota");
        assertThat(error.path("code").stringValue()).isEqualTo("insufficient_quota");
        assertThat(error.path("message").stringValue()).startsWith("You exceeded your current quota");
        assertThat(response.headers().firstValue("retry-after")).isEmpty();
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).isEmpty();
    }

    @Test
    void server_faults_answer_500_and_503() {
        simulator.fault(KEY, Fault.of(FaultType.SERVER_ERROR));
        HttpResponse<String> serverError = chat(KEY, "gpt-4o-mini", null, "hello");
        simulator.fault(KEY, Fault.of(FaultType.OVERLOADED));
        HttpResponse<String> overloaded = chat(KEY, "gpt-4o-mini", null, "hello");

        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(json(serverError).path("error").path("type").stringValue()).isEqualTo("server_error");
        assertThat(overloaded.statusCode()).isEqualTo(503);
    }

    @Test
    void an_unknown_key_gets_401_invalid_api_key_showing_only_its_last_four_characters() {
        HttpResponse<String> response = chat("sk-proj-unknown-abcd", "gpt-4o-mini", null, "hello");

        assertThat(response.statusCode()).isEqualTo(401);
        ObjectNode expected = Json.object();
        expected.putObject("error")
                .put("message", "Incorrect API key provided: sk-proj-...abcd. "
                        + "You can find your API key at https://platform.openai.com/account/api-keys.")
                .put("type", "invalid_request_error")
                .putNull("param")
                .put("code", "invalid_api_key");
        assertThat(json(response)).isEqualTo(expected);
    }

    @Test
    void a_missing_key_gets_401_asking_for_one() {
        HttpResponse<String> response = SimHttp.post(simulator.openAiBaseUrl() + "/v1/chat/completions", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").path("message").stringValue()).startsWith("You didn't provide an API key");
        assertThat(json(response).path("error").path("code").isNull()).isTrue();
    }

    @Test
    void an_unknown_model_is_404_model_not_found() {
        HttpResponse<String> response = chat(KEY, "gpt-9", null, "hello");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").stringValue()).isEqualTo("model_not_found");
        assertThat(json(response).path("error").path("message").stringValue())
                .isEqualTo("The model `gpt-9` does not exist or you do not have access to it.");
    }

    @Test
    void reasoning_models_report_reasoning_tokens_inside_the_output() {
        JsonNode usage = json(chat(KEY, "o3", null, "x".repeat(400))).path("usage");

        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(96);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong()).isEqualTo(64);
        assertThat(usage.path("total_tokens").asLong()).isEqualTo(196);
    }

    @Test
    void answers_responses_with_its_usage_shape() {
        HttpResponse<String> response = responses("""
                {"model":"o3","instructions":"%s","input":"%s"}""".formatted("i".repeat(200), "x".repeat(200)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").stringValue()).isEqualTo("response");
        assertThat(body.path("status").stringValue()).isEqualTo("completed");
        assertThat(body.path("model").stringValue()).isEqualTo("o3-2025-04-16");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(100);
        assertThat(usage.path("input_tokens_details").path("cached_tokens").asLong()).isZero();
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(96);
        assertThat(usage.path("output_tokens_details").path("reasoning_tokens").asLong()).isEqualTo(64);
        assertThat(usage.path("total_tokens").asLong()).isEqualTo(196);
        assertThat(header(response, "x-ratelimit-remaining-tokens")).isEqualTo(Long.toString(30_000 - 196));
    }

    @Test
    void a_response_cut_short_by_max_output_tokens_is_incomplete() {
        JsonNode body = json(responses("""
                {"model":"o3","input":"hello","max_output_tokens":70}"""));

        assertThat(body.path("status").stringValue()).isEqualTo("incomplete");
        assertThat(body.path("incomplete_details").path("reason").stringValue()).isEqualTo("max_output_tokens");
        assertThat(body.path("usage").path("output_tokens").asLong()).isEqualTo(70);
        assertThat(body.path("usage").path("output_tokens_details").path("reasoning_tokens").asLong()).isEqualTo(64);
    }

    @Test
    void a_repeated_long_prompt_is_read_from_cache_in_steps_of_128_tokens() {
        ObjectNode body = Json.object().put("model", "gpt-4o-mini");
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "s".repeat(4_800));
        messages.addObject().put("role", "user").put("content", "q".repeat(40));

        JsonNode first = json(post("/v1/chat/completions", body.toString())).path("usage");
        JsonNode second = json(post("/v1/chat/completions", body.toString())).path("usage");

        // 1,200 system tokens, 10 question tokens; cached tokens stay inside prompt_tokens
        assertThat(first.path("prompt_tokens").asLong()).isEqualTo(1_210);
        assertThat(first.path("prompt_tokens_details").path("cached_tokens").asLong()).isZero();
        assertThat(second.path("prompt_tokens").asLong()).isEqualTo(1_210);
        assertThat(second.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(1_152);
    }

    @Test
    void lists_models_and_snapshots_without_rate_limit_headers() {
        HttpResponse<String> response = SimHttp.get(simulator.openAiBaseUrl() + "/v1/models", bearer(KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("data").valueStream().map(model -> model.path("id").stringValue()))
                .containsExactly("gpt-4.1", "gpt-4.1-2025-04-14", "gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini",
                        "gpt-4o-mini-2024-07-18", "o3", "o3-2025-04-16");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.contains("ratelimit"));
    }

    private HttpResponse<String> chat(String key, String model, Long maxTokens, String text) {
        ObjectNode body = Json.object().put("model", model);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        return SimHttp.post(simulator.openAiBaseUrl() + "/v1/chat/completions", body.toString(), bearer(key));
    }

    private HttpResponse<String> responses(String body) {
        return post("/v1/responses", body);
    }

    private HttpResponse<String> post(String path, String body) {
        return SimHttp.post(simulator.openAiBaseUrl() + path, body, bearer(KEY));
    }
}
