package io.quotah.dev.simulator.control;

import static io.quotah.dev.simulator.SimHttp.anthropicHeaders;
import static io.quotah.dev.simulator.SimHttp.bearer;
import static io.quotah.dev.simulator.SimHttp.header;
import static io.quotah.dev.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.SimHttp;
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

class ControlRoutesTest {

    private static final String KEY = "sk-ant-api03-control-0001";
    private static final String MESSAGE = """
            {"model":"claude-haiku-4-5","max_tokens":10,"messages":[{"role":"user","content":"hello"}]}""";

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private ProviderSimulator simulator;
    private String control;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(KeySpec.anthropic(KEY).id("apikey_01Control").adminKey("sk-ant-admin01-control-0001")
                        .limits("haiku", ModelLimits.anthropic(60, 50_000, 10_000))
                        .fault(Fault.of(FaultType.NONE))
                        .build())
                .build();
        simulator = ProviderSimulator.builder(scenario).clock(clock).backgroundTick(Duration.ZERO).start();
        control = simulator.baseUrl() + ProviderSimulator.CONTROL_PREFIX;
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void serves_both_providers_and_the_control_api_on_one_local_port() {
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port());
        assertThat(simulator.anthropicBaseUrl()).isEqualTo(simulator.baseUrl() + "/anthropic");
        assertThat(simulator.openAiBaseUrl()).isEqualTo(simulator.baseUrl() + "/openai");
        assertThat(SimHttp.get(control + "/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void counts_every_provider_request_whatever_its_answer_but_not_control_calls() {
        SimHttp.get(control + "/state");
        SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders(KEY));
        SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders("sk-ant-api03-nobody"));
        SimHttp.get(simulator.openAiBaseUrl() + "/v1/models");

        assertThat(simulator.requestsServed()).isEqualTo(3);
    }

    @Test
    void state_shows_every_bucket_of_every_key() {
        JsonNode state = json(SimHttp.get(control + "/state"));

        assertThat(state.path("now").stringValue()).isEqualTo("2026-03-02T10:00:00Z");
        JsonNode key = state.path("keys").get(0);
        assertThat(key.path("provider").stringValue()).isEqualTo("anthropic");
        assertThat(key.path("id").stringValue()).isEqualTo("apikey_01Control");
        assertThat(key.path("fault").path("type").stringValue()).isEqualTo("none");
        JsonNode requests = key.path("limits").path("haiku").path("requests_per_minute");
        assertThat(requests.path("limit").asLong()).isEqualTo(60);
        assertThat(requests.path("remaining").asLong()).isEqualTo(60);
        assertThat(key.path("countTokens").path("requests_per_minute").path("limit").asLong()).isEqualTo(100);
    }

    @Test
    void drain_sets_every_window_to_the_used_percentage() {
        HttpResponse<String> drained = SimHttp.post(control + "/keys/" + KEY + "/drain", "{\"percent\":95}");

        assertThat(drained.statusCode()).isEqualTo(204);
        JsonNode haiku = json(SimHttp.get(control + "/state")).path("keys").get(0).path("limits").path("haiku");
        assertThat(haiku.path("requests_per_minute").path("remaining").asLong()).isEqualTo(3);
        assertThat(haiku.path("input_tokens_per_minute").path("remaining").asLong()).isEqualTo(2_500);
        assertThat(haiku.path("output_tokens_per_minute").path("remaining").asLong()).isEqualTo(500);
        HttpResponse<String> message = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE,
                anthropicHeaders(KEY));
        assertThat(header(message, "anthropic-ratelimit-requests-remaining")).isEqualTo("2");
    }

    @Test
    void a_fault_set_over_http_changes_the_answers_until_cleared() {
        SimHttp.post(control + "/keys/apikey_01Control/fault", "{\"type\":\"invalid\"}");
        int revoked = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders(KEY))
                .statusCode();
        SimHttp.post(control + "/keys/apikey_01Control/fault", "{\"type\":\"none\"}");
        int restored = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders(KEY))
                .statusCode();

        assertThat(revoked).isEqualTo(401);
        assertThat(restored).isEqualTo(200);
    }

    @Test
    void a_slow_fault_delays_the_answer() {
        SimHttp.post(control + "/keys/" + KEY + "/fault", "{\"type\":\"slow\",\"slowMillis\":300}");

        long started = System.nanoTime();
        HttpResponse<String> response = SimHttp.get(simulator.anthropicBaseUrl() + "/v1/models",
                anthropicHeaders(KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void keys_can_be_added_while_running() {
        HttpResponse<String> added = SimHttp.post(control + "/keys", """
                {"provider":"openai","key":"sk-proj-added-later-0009","projectId":"proj_late",
                 "limits":{"gpt-4o-mini":{"requestsPerMinute":5,"tokensPerMinute":1000}}}""");
        HttpResponse<String> again = SimHttp.post(control + "/keys", """
                {"provider":"openai","key":"sk-proj-added-later-0009",
                 "limits":{"gpt-4o-mini":{"requestsPerMinute":5,"tokensPerMinute":1000}}}""");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("id").stringValue()).startsWith("key_");
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> chat = SimHttp.post(simulator.openAiBaseUrl() + "/v1/chat/completions", """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""",
                bearer("sk-proj-added-later-0009"));
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(header(chat, "x-ratelimit-limit-requests")).isEqualTo("5");
    }

    @Test
    void bad_control_requests_are_told_what_is_wrong() {
        HttpResponse<String> unknownKey = SimHttp.post(control + "/keys/nope/drain", "{\"percent\":50}");
        HttpResponse<String> badPercent = SimHttp.post(control + "/keys/" + KEY + "/drain", "{\"percent\":150}");
        HttpResponse<String> badFault = SimHttp.post(control + "/keys/" + KEY + "/fault", "{\"type\":\"boom\"}");
        HttpResponse<String> badKey = SimHttp.post(control + "/keys", """
                {"provider":"anthropic","key":"sk-proj-wrong-0000","limits":{}}""");

        assertThat(unknownKey.statusCode()).isEqualTo(404);
        assertThat(badPercent.statusCode()).isEqualTo(400);
        assertThat(badFault.statusCode()).isEqualTo(400);
        assertThat(json(badFault).path("error").stringValue()).contains("boom");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json(badKey).path("error").stringValue()).contains("sk-ant-api03-");
    }

    @Test
    void a_revision_over_http_adds_to_the_latest_bucket() {
        SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders(KEY));

        HttpResponse<String> revised = SimHttp.post(control + "/usage/revise",
                "{\"key\":\"" + KEY + "\",\"inputTokens\":1000,\"outputTokens\":7}");

        assertThat(revised.statusCode()).isEqualTo(200);
        JsonNode entry = json(revised);
        assertThat(entry.path("minute").stringValue()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(entry.path("model").stringValue()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(entry.path("counts").path("uncachedInputTokens").asLong()).isEqualTo(1_001);
        assertThat(entry.path("counts").path("outputTokens").asLong()).isEqualTo(17);
    }

    @Test
    void reset_returns_to_the_scenario() {
        SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", MESSAGE, anthropicHeaders(KEY));
        simulator.fault(KEY, Fault.of(FaultType.SERVER_ERROR));
        simulator.addKey(KeySpec.openAi("sk-proj-temporary-0005").limits("gpt-4o", ModelLimits.openAi(1, 1)).build());

        assertThat(SimHttp.post(control + "/reset", "").statusCode()).isEqualTo(204);

        assertThat(simulator.usage()).isEmpty();
        assertThat(simulator.state().keys()).hasSize(1);
        assertThat(simulator.state().key(KEY).fault()).isEqualTo(Fault.NONE);
        assertThat(simulator.state().key(KEY).limits().get("haiku").values())
                .allSatisfy(bucket -> assertThat(bucket.remaining()).isEqualTo(bucket.limit()));
    }
}
