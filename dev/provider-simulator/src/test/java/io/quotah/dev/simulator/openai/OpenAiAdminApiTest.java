package io.quotah.dev.simulator.openai;

import static io.quotah.dev.simulator.SimHttp.bearer;
import static io.quotah.dev.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.SimHttp;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenAiAdminApiTest {

    private static final String KEY_A = "sk-proj-team-a-0001";
    private static final String KEY_B = "sk-team-b-legacy-0002";
    private static final String ADMIN_KEY = "sk-admin-org-admin-0001";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:10Z");
    private static final long MINUTE_10_00 = Instant.parse("2026-03-02T10:00:00Z").getEpochSecond();

    private final MutableClock clock = new MutableClock(T0);
    private ProviderSimulator simulator;

    @BeforeEach
    void start() {
        Scenario scenario = Scenario.builder()
                .key(key(KEY_A).id("key_A").projectId("proj_A").build())
                .key(key(KEY_B).id("key_B").projectId("proj_B").build())
                .key(KeySpec.openAi("sk-proj-other-org-0003").adminKey("sk-admin-other-0003")
                        .limits("gpt-4o", ModelLimits.openAi(500, 30_000)).build())
                .build();
        simulator = ProviderSimulator.builder(scenario).clock(clock).backgroundTick(Duration.ZERO).start();
    }

    private static KeySpec.Builder key(String secret) {
        return KeySpec.openAi(secret).adminKey(ADMIN_KEY)
                .limits("gpt-4o-mini", ModelLimits.openAi(500, 200_000).withRequestsPerDay(10_000)
                        .withBatchDayMaxInputTokens(2_000_000))
                .limits("gpt-4o", ModelLimits.openAi(500, 30_000));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void completions_usage_shows_what_was_served_with_the_documented_fields() {
        chat(KEY_A, "gpt-4o-mini", 4_000);
        chat(KEY_B, "gpt-4o", 8_000);
        chat("sk-proj-other-org-0003", "gpt-4o", 8_000);

        JsonNode page = admin("/v1/organization/usage/completions?start_time=" + MINUTE_10_00 + "&end_time="
                + (MINUTE_10_00 + 60) + "&bucket_width=1m&group_by=model&group_by=api_key_id&group_by=project_id");

        assertThat(page.path("object").stringValue()).isEqualTo("page");
        JsonNode bucket = page.path("data").get(0);
        assertThat(bucket.path("object").stringValue()).isEqualTo("bucket");
        assertThat(bucket.path("start_time").asLong()).isEqualTo(MINUTE_10_00);
        assertThat(bucket.path("end_time").asLong()).isEqualTo(MINUTE_10_00 + 60);
        assertThat(bucket.path("results")).hasSize(2);
        ObjectNode expected = Json.object();
        expected.put("object", "organization.usage.completions.result")
                .put("input_tokens", 1_000)
                .put("output_tokens", 32)
                .put("input_cached_tokens", 0)
                .put("input_audio_tokens", 0)
                .put("output_audio_tokens", 0)
                .put("num_model_requests", 1)
                .put("project_id", "proj_A")
                .putNull("user_id")
                .put("api_key_id", "key_A")
                .put("model", "gpt-4o-mini-2024-07-18")
                .putNull("batch")
                .putNull("service_tier");
        assertThat(bucket.path("results").get(0)).isEqualTo(expected);
        assertThat(bucket.path("results").get(1).path("api_key_id").stringValue()).isEqualTo("key_B");
        assertThat(page.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void cached_prompt_tokens_are_inside_input_tokens() {
        String body = cachedChat();
        post(KEY_A, body);
        post(KEY_A, body);

        JsonNode result = admin("/v1/organization/usage/completions?start_time=" + MINUTE_10_00 + "&bucket_width=1h")
                .path("data").get(0).path("results").get(0);

        assertThat(result.path("input_tokens").asLong()).isEqualTo(2 * 1_210);
        assertThat(result.path("input_cached_tokens").asLong()).isEqualTo(1_152);
        assertThat(result.path("num_model_requests").asLong()).isEqualTo(2);
    }

    @Test
    void pages_through_buckets_with_next_page() {
        for (int minute = 0; minute < 5; minute++) {
            chat(KEY_A, "gpt-4o-mini", 400);
            clock.advance(Duration.ofMinutes(1));
        }

        List<Long> starts = new ArrayList<>();
        int pages = 0;
        String query = "/v1/organization/usage/completions?bucket_width=1m&limit=2&start_time=" + MINUTE_10_00
                + "&end_time=" + (MINUTE_10_00 + 300);
        String next = null;
        do {
            JsonNode page = admin(query + (next == null ? "" : "&page=" + next));
            page.path("data").forEach(bucket -> starts.add(bucket.path("start_time").asLong()));
            assertThat(page.path("has_more").asBoolean()).isEqualTo(!page.path("next_page").isNull());
            next = page.path("next_page").isNull() ? null : page.path("next_page").stringValue();
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(3);
        assertThat(starts).containsExactly(MINUTE_10_00, MINUTE_10_00 + 60, MINUTE_10_00 + 120, MINUTE_10_00 + 180,
                MINUTE_10_00 + 240);
    }

    @Test
    void costs_are_the_price_table_applied_to_served_usage_in_dollars() {
        chat(KEY_A, "gpt-4o-mini", 4_000);   // 1,000 input tokens, 32 output
        chat(KEY_B, "gpt-4o", 8_000);        // 2,000 input tokens, 32 output
        String cached = cachedChat();
        post(KEY_A, cached);                 // 1,210 input tokens
        post(KEY_A, cached);                 // 58 input tokens + 1,152 cached

        JsonNode results = admin("/v1/organization/costs?start_time=" + MINUTE_10_00 + "&group_by=line_item")
                .path("data").get(0).path("results");

        Map<String, BigDecimal> amounts = new HashMap<>();
        for (JsonNode result : results) {
            assertThat(result.path("object").stringValue()).isEqualTo("organization.costs.result");
            assertThat(result.path("amount").path("currency").stringValue()).isEqualTo("usd");
            assertThat(result.path("amount").path("value").isNumber()).isTrue();
            amounts.put(result.path("line_item").stringValue(), result.path("amount").path("value").decimalValue());
        }
        // gpt-4o-mini: $0.15/M input, $0.075/M cached, $0.60/M output; gpt-4o: $2.50/M input, $10/M output
        assertThat(amounts).hasSize(5);
        assertThat(amounts.get("gpt-4o-mini-2024-07-18, input")).isEqualByComparingTo("0.0003402");
        assertThat(amounts.get("gpt-4o-mini-2024-07-18, cached input")).isEqualByComparingTo("0.0000864");
        assertThat(amounts.get("gpt-4o-mini-2024-07-18, output")).isEqualByComparingTo("0.0000576");
        assertThat(amounts.get("gpt-4o-2024-08-06, input")).isEqualByComparingTo("0.005");
        assertThat(amounts.get("gpt-4o-2024-08-06, output")).isEqualByComparingTo("0.00032");

        JsonNode byProject = admin("/v1/organization/costs?start_time=" + MINUTE_10_00 + "&group_by=project_id")
                .path("data").get(0).path("results");
        assertThat(byProject).hasSize(2);
        assertThat(byProject.get(0).path("project_id").stringValue()).isEqualTo("proj_A");
        assertThat(byProject.get(0).path("line_item").isNull()).isTrue();
        assertThat(byProject.get(0).path("amount").path("value").decimalValue()).isEqualByComparingTo("0.0004842");
    }

    @Test
    void project_rate_limits_list_the_configured_limits_per_model() {
        JsonNode body = admin("/v1/organization/projects/proj_A/rate_limits");

        assertThat(body.path("object").stringValue()).isEqualTo("list");
        ObjectNode expected = Json.object();
        expected.put("object", "project.rate_limit")
                .put("id", "rl-gpt-4o-mini")
                .put("model", "gpt-4o-mini")
                .put("max_requests_per_1_minute", 500)
                .put("max_tokens_per_1_minute", 200_000)
                .put("max_requests_per_1_day", 10_000)
                .put("batch_1_day_max_input_tokens", 2_000_000);
        assertThat(body.path("data").get(1)).isEqualTo(expected);
        assertThat(body.path("first_id").stringValue()).isEqualTo("rl-gpt-4o");
        assertThat(body.path("last_id").stringValue()).isEqualTo("rl-gpt-4o-mini");
        assertThat(body.path("has_more").asBoolean()).isFalse();

        HttpResponse<String> otherProject = SimHttp.get(simulator.openAiBaseUrl()
                + "/v1/organization/projects/proj_elsewhere/rate_limits", bearer(ADMIN_KEY));
        assertThat(otherProject.statusCode()).isEqualTo(404);
    }

    @Test
    void admin_endpoints_refuse_an_api_key_and_a_missing_start_time() {
        HttpResponse<String> apiKey = SimHttp.get(simulator.openAiBaseUrl()
                + "/v1/organization/usage/completions?start_time=" + MINUTE_10_00, bearer(KEY_A));
        HttpResponse<String> noStart = SimHttp.get(simulator.openAiBaseUrl() + "/v1/organization/usage/completions",
                bearer(ADMIN_KEY));

        assertThat(apiKey.statusCode()).isEqualTo(401);
        assertThat(json(apiKey).path("error").path("code").stringValue()).isEqualTo("invalid_api_key");
        assertThat(noStart.statusCode()).isEqualTo(400);
        assertThat(json(noStart).path("error").path("param").stringValue()).isEqualTo("start_time");
    }

    private static String cachedChat() {
        ObjectNode body = Json.object().put("model", "gpt-4o-mini");
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "s".repeat(4_800));
        messages.addObject().put("role", "user").put("content", "q".repeat(40));
        return body.toString();
    }

    private void chat(String key, String model, int characters) {
        ObjectNode body = Json.object().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "x".repeat(characters));
        post(key, body.toString());
    }

    private void post(String key, String body) {
        HttpResponse<String> response = SimHttp.post(simulator.openAiBaseUrl() + "/v1/chat/completions", body,
                bearer(key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode admin(String pathAndQuery) {
        HttpResponse<String> response = SimHttp.get(simulator.openAiBaseUrl() + pathAndQuery, bearer(ADMIN_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
