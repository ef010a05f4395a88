package io.quotah.dev.simulator.anthropic;

import static io.quotah.dev.simulator.SimHttp.anthropicHeaders;
import static io.quotah.dev.simulator.SimHttp.json;
import static io.quotah.dev.simulator.anthropic.AnthropicApiTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.dev.simulator.MutableClock;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.SimHttp;
import io.quotah.dev.simulator.control.UsageRevision;
import io.quotah.dev.simulator.http.Json;
import io.quotah.dev.simulator.pricing.PriceTable;
import io.quotah.dev.simulator.scenario.BackgroundLoad;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelCatalog;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Provider;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.dev.simulator.usage.UsageEntry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AnthropicAdminApiTest {

    private static final String KEY_A = "sk-ant-api03-team-a-0001";
    private static final String KEY_B = "sk-ant-api03-team-b-0002";
    private static final String OTHER_ORG_KEY = "sk-ant-api03-other-org-0003";
    private static final String ADMIN_KEY = "sk-ant-admin01-org-admin-0001";

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:10Z");
    private ProviderSimulator simulator;

    private void start(Scenario.Builder extra) {
        extra.key(key(KEY_A).id("apikey_01A").build())
                .key(key(KEY_B).id("apikey_01B").workspaceId("wrkspc_01B").build())
                .key(KeySpec.anthropic(OTHER_ORG_KEY).adminKey("sk-ant-admin01-other-0003")
                        .limits("sonnet", ModelLimits.anthropic(50, 30_000, 8_000)).build());
        simulator = ProviderSimulator.builder(extra.build()).clock(clock).backgroundTick(Duration.ZERO).start();
    }

    private static KeySpec.Builder key(String secret) {
        return KeySpec.anthropic(secret).adminKey(ADMIN_KEY)
                .limits("opus", ModelLimits.anthropic(40, 20_000, 4_000))
                .limits("sonnet", ModelLimits.anthropic(50, 30_000, 8_000))
                .limits("haiku", ModelLimits.anthropic(50, 50_000, 10_000));
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void the_usage_report_shows_what_was_served_per_minute_model_and_key() {
        start(Scenario.builder());
        send(KEY_A, "claude-sonnet-4-5", 400);
        send(OTHER_ORG_KEY, "claude-sonnet-4-5", 4_000);
        clock.advance(Duration.ofMinutes(1));
        send(KEY_A, "claude-haiku-4-5", 800);
        send(KEY_B, "claude-sonnet-4-5", 1_200);
        send(KEY_B, "claude-sonnet-4-5", 1_200);

        JsonNode report = usageReport("starting_at=2026-03-02T10:00:00Z&ending_at=2026-03-02T10:03:00Z"
                + "&bucket_width=1m&group_by[]=model&group_by[]=api_key_id");

        JsonNode data = report.path("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(0).path("starting_at").stringValue()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(data.get(0).path("ending_at").stringValue()).isEqualTo("2026-03-02T10:01:00Z");
        JsonNode first = data.get(0).path("results");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("api_key_id").stringValue()).isEqualTo("apikey_01A");
        assertThat(first.get(0).path("model").stringValue()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(first.get(0).path("uncached_input_tokens").asLong()).isEqualTo(100);
        assertThat(first.get(0).path("output_tokens").asLong()).isEqualTo(32);
        assertThat(first.get(0).path("cache_creation").path("ephemeral_5m_input_tokens").asLong()).isZero();
        assertThat(first.get(0).path("cache_read_input_tokens").asLong()).isZero();
        assertThat(first.get(0).path("server_tool_use").path("web_search_requests").asLong()).isZero();
        assertThat(first.get(0).path("workspace_id").isNull()).isTrue();
        assertThat(first.get(0).path("service_tier").isNull()).isTrue();
        JsonNode second = data.get(1).path("results");
        assertThat(second).hasSize(2);
        assertThat(second.get(1).path("api_key_id").stringValue()).isEqualTo("apikey_01B");
        assertThat(second.get(1).path("uncached_input_tokens").asLong()).isEqualTo(600);
        assertThat(data.get(2).path("results")).isEmpty();
        assertThat(report.path("has_more").asBoolean()).isFalse();
        assertThat(report.path("next_page").isNull()).isTrue();
    }

    @Test
    void pages_through_buckets_with_next_page() {
        start(Scenario.builder());
        for (int minute = 0; minute < 5; minute++) {
            send(KEY_A, "claude-sonnet-4-5", 400);
            clock.advance(Duration.ofMinutes(1));
        }

        List<String> starts = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        long output = 0;
        String query = "starting_at=2026-03-02T10:00:00Z&ending_at=2026-03-02T10:05:00Z&bucket_width=1m&limit=2";
        String page = null;
        do {
            JsonNode report = usageReport(query + (page == null ? "" : "&page=" + page));
            for (JsonNode bucket : report.path("data")) {
                starts.add(bucket.path("starting_at").stringValue());
                output += bucket.path("results").get(0).path("output_tokens").asLong();
            }
            hasMore.add(report.path("has_more").asBoolean());
            page = report.path("next_page").isNull() ? null : report.path("next_page").stringValue();
        } while (page != null);

        assertThat(starts).containsExactly("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:02:00Z",
                "2026-03-02T10:03:00Z", "2026-03-02T10:04:00Z");
        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(output).isEqualTo(5 * 32);
    }

    @Test
    void a_page_holds_the_documented_number_of_buckets_by_default() {
        start(Scenario.builder());

        JsonNode days = usageReport("starting_at=2026-02-01T00:00:00Z&ending_at=2026-03-01T00:00:00Z");
        JsonNode hours = usageReport("starting_at=2026-02-01T00:00:00Z&ending_at=2026-03-01T00:00:00Z&bucket_width=1h");
        HttpResponse<String> tooMany = SimHttp.get(simulator.anthropicBaseUrl()
                + "/v1/organizations/usage_report/messages?starting_at=2026-02-01T00:00:00Z&bucket_width=1d&limit=32",
                anthropicHeaders(ADMIN_KEY));

        assertThat(days.path("data")).hasSize(7);
        assertThat(days.path("has_more").asBoolean()).isTrue();
        assertThat(hours.path("data")).hasSize(24);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
    }

    @Test
    void the_cost_report_is_the_price_table_applied_to_served_usage_in_cents() {
        start(Scenario.builder());
        send(KEY_A, "claude-sonnet-4-5", 4_000);   // 1,000 input tokens, 32 output
        send(KEY_A, "claude-haiku-4-5", 1_600);    // 400 input tokens, 32 output
        sendCached(KEY_B, "1h");                   // 1,100 tokens written to the 1-hour cache, 10 input, 32 output

        JsonNode report = costReport("starting_at=2026-03-02T00:00:00Z&ending_at=2026-03-03T00:00:00Z"
                + "&group_by[]=description");

        Map<String, String> amounts = new HashMap<>();
        for (JsonNode result : report.path("data").get(0).path("results")) {
            assertThat(result.path("currency").stringValue()).isEqualTo("USD");
            assertThat(result.path("cost_type").stringValue()).isEqualTo("tokens");
            assertThat(result.path("service_tier").stringValue()).isEqualTo("standard");
            amounts.put(result.path("model").stringValue() + " " + result.path("token_type").stringValue(),
                    result.path("amount").stringValue());
        }
        // $3/M input, $15/M output, $6/M 1-hour cache writes for Sonnet 4.5; $1/M and $5/M for Haiku 4.5; in cents
        assertThat(amounts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "claude-sonnet-4-5-20250929 uncached_input_tokens", "0.303",
                "claude-sonnet-4-5-20250929 output_tokens", "0.096",
                "claude-sonnet-4-5-20250929 cache_creation.ephemeral_1h_input_tokens", "0.66",
                "claude-haiku-4-5-20251001 uncached_input_tokens", "0.04",
                "claude-haiku-4-5-20251001 output_tokens", "0.016"));

        JsonNode total = costReport("starting_at=2026-03-02T00:00:00Z&ending_at=2026-03-03T00:00:00Z")
                .path("data").get(0).path("results");
        assertThat(total).hasSize(1);
        assertThat(total.get(0).path("amount").stringValue()).isEqualTo("1.115");
        assertThat(total.get(0).path("description").isNull()).isTrue();
        assertThat(new BigDecimal(total.get(0).path("amount").stringValue()))
                .isEqualByComparingTo(priceOfEverythingServedInCents());
    }

    @Test
    void sonnet_5_is_priced_by_the_day_it_was_used() {
        clock.set(Instant.parse("2026-08-31T23:59:00Z"));
        start(Scenario.builder());
        send(KEY_A, "claude-sonnet-5", 4_000);
        clock.set(Instant.parse("2026-09-01T00:01:00Z"));
        send(KEY_A, "claude-sonnet-5", 4_000);

        JsonNode data = costReport("starting_at=2026-08-31T00:00:00Z&ending_at=2026-09-02T00:00:00Z"
                + "&group_by[]=description").path("data");

        // 1,000 input tokens at $2/M until August 31, at $3/M from September 1
        assertThat(inputAmount(data.get(0))).isEqualTo("0.2");
        assertThat(inputAmount(data.get(1))).isEqualTo("0.3");
    }

    @Test
    void a_revision_adds_to_a_bucket_already_reported() {
        start(Scenario.builder());
        send(KEY_A, "claude-sonnet-4-5", 400);
        String query = "starting_at=2026-03-02T10:00:00Z&ending_at=2026-03-02T10:01:00Z&bucket_width=1m";
        assertThat(usageReport(query).path("data").get(0).path("results").get(0).path("uncached_input_tokens").asLong())
                .isEqualTo(100);

        clock.advance(Duration.ofMinutes(3));
        UsageEntry revised = simulator.reviseUsage(UsageRevision.ofLatest(KEY_A, 500, 50));

        JsonNode result = usageReport(query).path("data").get(0).path("results").get(0);
        assertThat(revised.minute()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(result.path("uncached_input_tokens").asLong()).isEqualTo(600);
        assertThat(result.path("output_tokens").asLong()).isEqualTo(82);
    }

    @Test
    void background_traffic_drains_the_buckets_and_shows_in_the_usage_report() {
        start(Scenario.builder().key(KeySpec.anthropic("sk-ant-api03-busy-0004").adminKey(ADMIN_KEY)
                .limits("sonnet", ModelLimits.anthropic(50, 30_000, 8_000))
                .background(BackgroundLoad.steady("claude-sonnet-4-5", 10, 1_000, 100))
                .build()));

        clock.advance(Duration.ofMinutes(1));
        int sent = simulator.runBackgroundTraffic();

        assertThat(sent).isEqualTo(10);
        JsonNode results = usageReport("starting_at=2026-03-02T10:00:00Z&ending_at=2026-03-02T10:02:00Z"
                + "&bucket_width=1h").path("data").get(0).path("results");
        assertThat(results.get(0).path("uncached_input_tokens").asLong()).isEqualTo(10_000);
        assertThat(results.get(0).path("output_tokens").asLong()).isEqualTo(1_000);
        assertThat(simulator.state().key("sk-ant-api03-busy-0004").limits().get("sonnet").values())
                .extracting(state -> state.remaining())
                .containsExactly(40L, 20_000L, 7_000L);
    }

    @Test
    void usage_appears_after_the_scenarios_reporting_delay() {
        start(Scenario.builder().usageReportDelay(Duration.ofMinutes(5)));
        send(KEY_A, "claude-sonnet-4-5", 400);
        String query = "starting_at=2026-03-02T10:00:00Z&ending_at=2026-03-02T11:00:00Z&bucket_width=1h";

        assertThat(usageReport(query).path("data").get(0).path("results")).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(usageReport(query).path("data").get(0).path("results")).hasSize(1);
    }

    @Test
    void rate_limits_lists_the_configured_limits_per_model_group() {
        start(Scenario.builder());

        HttpResponse<String> response = SimHttp.get(simulator.anthropicBaseUrl() + "/v1/organizations/rate_limits",
                anthropicHeaders(ADMIN_KEY));

        JsonNode sonnet = json(response).path("data").get(1);
        ObjectNode expected = Json.object();
        expected.put("id", "rl_sonnet").put("type", "rate_limit").put("group_type", "model_group");
        expected.putArray("models").add("claude-sonnet-4-5-20250929").add("claude-sonnet-4-6").add("claude-sonnet-5");
        var limits = expected.putArray("limits");
        limits.addObject().put("type", "requests_per_minute").put("value", 50);
        limits.addObject().put("type", "input_tokens_per_minute").put("value", 30_000);
        limits.addObject().put("type", "output_tokens_per_minute").put("value", 8_000);
        assertThat(sonnet).isEqualTo(expected);
        assertThat(json(response).path("data")).hasSize(3);
        assertThat(json(response).path("next_page").isNull()).isTrue();
    }

    @Test
    void admin_endpoints_refuse_an_api_key() {
        start(Scenario.builder());

        HttpResponse<String> response = SimHttp.get(simulator.anthropicBaseUrl()
                        + "/v1/organizations/usage_report/messages?starting_at=2026-03-02T00:00:00Z",
                anthropicHeaders(KEY_A));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").path("type").stringValue()).isEqualTo("authentication_error");
    }

    private BigDecimal priceOfEverythingServedInCents() {
        return simulator.usage().stream()
                .flatMap(entry -> PriceTable.costUsd(
                        ModelCatalog.lookup(Provider.ANTHROPIC, entry.model()).orElseThrow().id(),
                        entry.minute(), entry.counts()).values().stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .movePointRight(2);
    }

    private static String inputAmount(JsonNode bucket) {
        for (JsonNode result : bucket.path("results")) {
            if (result.path("token_type").stringValue().equals("uncached_input_tokens")) {
                return result.path("amount").stringValue();
            }
        }
        throw new AssertionError("no input cost in " + bucket);
    }

    private void send(String key, String model, int characters) {
        HttpResponse<String> response = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages",
                request(model, 100, "x".repeat(characters)), anthropicHeaders(key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void sendCached(String key, String ttl) {
        ObjectNode body = Json.object().put("model", "claude-sonnet-4-5").put("max_tokens", 100);
        body.putArray("system").addObject().put("type", "text").put("text", "s".repeat(4_400))
                .putObject("cache_control").put("type", "ephemeral").put("ttl", ttl);
        body.putArray("messages").addObject().put("role", "user").put("content", "q".repeat(40));
        HttpResponse<String> response = SimHttp.post(simulator.anthropicBaseUrl() + "/v1/messages", body.toString(),
                anthropicHeaders(key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode usageReport(String query) {
        return admin("/v1/organizations/usage_report/messages?" + query);
    }

    private JsonNode costReport(String query) {
        return admin("/v1/organizations/cost_report?" + query);
    }

    private JsonNode admin(String pathAndQuery) {
        HttpResponse<String> response = SimHttp.get(simulator.anthropicBaseUrl() + pathAndQuery.replace("[]", "%5B%5D"),
                anthropicHeaders(ADMIN_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
