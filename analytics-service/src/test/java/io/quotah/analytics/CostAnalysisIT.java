package io.quotah.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Costs end to end: usage and cost-only events through a real Kafka into PostgreSQL, read back over HTTP with real
 * Keycloak tokens. The figures are worked out by hand from PROVIDERS.md's prices in each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructureWithKeycloak
class CostAnalysisIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RANGE = "from=2026-08-30&to=2026-09-02";
    private static final Instant POLLED = Instant.parse("2026-09-03T01:00:00Z");
    private static final String OPENAI_LABEL = "prod, \"openai\"";

    private static KeycloakUsers users;

    private final ApiCalls calls = ApiCalls.withoutBase();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JwtDecoder jwtDecoder;

    @BeforeAll
    static void keycloak() {
        users = new KeycloakUsers(Infrastructure.keycloak());
    }

    /**
     * A workspace's days around Sonnet 5's price change. Anthropic key: Sonnet 5 on 08-31 (3.75 at the launch
     * price: 2 + 0.75 + 0.50 + 0.40 + 0.10, first polled with less input, then revised), on 09-01 (6.00 standard + 9.00 batch at the new price,
     * reported as 14.90), Haiku 4.5 on 08-30 (3.00, reported as 3.00 under its snapshot id). OpenAI key: gpt-4o-mini
     * on 09-02 with 400k cached of a 1M prompt (0.18) and flex (0.075), and a model the book does not know.
     */
    private Fixture fixture(Caller caller) {
        Fixture fixture = new Fixture(caller, UUID.randomUUID(), UUID.randomUUID());
        String ws = caller.workspace;
        List<UsageEvent> events = new ArrayList<>();
        UsageEvent sonnetLaunch = usage(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-sonnet-5", "standard",
                "2026-08-31T10:00:00Z", Duration.ofHours(1), 40, 1_000_000, 75_000, 200_000, 100_000, 500_000, null,
                POLLED.plusSeconds(60));
        events.add(withInput(sonnetLaunch, 500_000, POLLED)); // the first poll of the bucket, revised below
        events.add(sonnetLaunch);
        events.add(usage(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-sonnet-5", "standard",
                "2026-09-01T10:00:00Z", Duration.ofHours(1), 50, 1_000_000, 100_000, 200_000, 100_000, 500_000, null,
                POLLED));
        events.add(usage(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-sonnet-5", "batch",
                "2026-09-01T11:00:00Z", Duration.ofHours(1), 5, 1_000_000, 1_000_000, 0, 0, 0, null, POLLED));
        events.add(usage(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-haiku-4-5-20251001", "standard",
                "2026-08-30T00:00:00Z", Duration.ofDays(1), 300, 2_000_000, 200_000, 0, 0, 0, null, POLLED));
        events.add(cost(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-sonnet-5", "2026-09-01", "14.90"));
        events.add(cost(ws, fixture.anthropic, Provider.ANTHROPIC, "claude-haiku-4-5-20251001", "2026-08-30", "3.00"));
        events.add(usage(ws, fixture.openAi, Provider.OPENAI, "gpt-4o-mini-2024-07-18", "default",
                "2026-09-02T05:00:00Z", Duration.ofHours(1), 20, 600_000, 100_000, 0, 0, 400_000, 30_000L, POLLED));
        events.add(usage(ws, fixture.openAi, Provider.OPENAI, "gpt-9-preview", "default", "2026-09-02T06:00:00Z",
                Duration.ofHours(1), 2, 1000, 1000, 0, 0, 0, null, POLLED));
        events.add(usage(ws, fixture.openAi, Provider.OPENAI, "gpt-4o-mini", "flex", "2026-09-02T06:30:00Z",
                Duration.ofMinutes(1), 1, 1_000_000, 0, 0, 0, 0, null, POLLED));
        fixture.events.addAll(events);
        publish(connection(ws, fixture.anthropic, Provider.ANTHROPIC, "prod-anthropic"));
        publish(connection(ws, fixture.openAi, Provider.OPENAI, OPENAI_LABEL));
        publishAll(events);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = caller.json("/api/multi/cost-analysis?" + RANGE + "&groupBy=key");
            assertThat(report.get("total").get("requests").asLong()).isEqualTo(418);
            assertThat(report.get("total").get("reportedCost").asString()).isEqualTo("17.90");
            assertThat(texts(report.get("breakdown"), "keyLabel")).containsExactlyInAnyOrder("prod-anthropic",
                    OPENAI_LABEL);
        });
        return fixture;
    }

    @Test
    void costs_each_key_model_and_day_by_the_reported_cost_where_there_is_one_showing_both_figures() {
        Caller alice = caller();
        Fixture fixture = fixture(alice);

        JsonNode report = alice.json("/api/multi/cost-analysis?" + RANGE + "&groupBy=model,key");

        assertThat(report.get("currency").asString()).isEqualTo("USD");
        assertThat(report.get("from").asString()).isEqualTo("2026-08-30T00:00:00Z");
        assertThat(report.get("to").asString()).isEqualTo("2026-09-03T00:00:00Z");
        assertThat(texts(report.get("groupBy"), null)).containsExactly("model", "key");
        JsonNode total = report.get("total");
        // 3.75 + 14.90 (reported, not 6.00 + 9.00) + 3.00 + 0.18 + 0.075 = 21.905: half-even to 21.90
        assertThat(total.get("cost").asString()).isEqualTo("21.90");
        assertThat(total.get("computedCost").asString()).isEqualTo("22.00");
        assertThat(total.get("reportedCost").asString()).isEqualTo("17.90");
        assertThat(total.get("unknownPrice").asBoolean()).isTrue();
        assertThat(total.get("inputTokens").asLong()).isEqualTo(6_601_000);
        assertThat(total.get("cacheWrite5mTokens").asLong()).isEqualTo(400_000);
        assertThat(total.get("cacheWrite1hTokens").asLong()).isEqualTo(200_000);
        assertThat(total.get("cacheReadTokens").asLong()).isEqualTo(1_400_000);
        assertThat(total.get("reasoningTokens").asLong()).isEqualTo(30_000);

        JsonNode rows = report.get("breakdown");
        assertThat(texts(rows, "model")).containsExactly("claude-sonnet-5", "claude-haiku-4-5", "gpt-4o-mini",
                "gpt-9-preview");
        assertThat(texts(rows, "cost")).containsExactly("18.65", "3.00", "0.25", "null");
        assertThat(texts(rows, "computedCost")).containsExactly("18.75", "3.00", "0.25", "null");
        assertThat(texts(rows, "reportedCost")).containsExactly("14.90", "3.00", "null", "null");
        assertThat(texts(rows, "costDiffers")).containsExactly("true", "false", "false", "false");
        assertThat(texts(rows, "unknownPrice")).containsExactly("false", "false", "false", "true");
        assertThat(texts(rows, "keyId")).containsExactly(fixture.anthropic.toString(), fixture.anthropic.toString(),
                fixture.openAi.toString(), fixture.openAi.toString());
        assertThat(texts(rows, "keyLabel")).containsExactly("prod-anthropic", "prod-anthropic", OPENAI_LABEL,
                OPENAI_LABEL);
        assertThat(texts(rows, "provider")).containsOnly("null");
        assertThat(texts(rows, "day")).containsOnly("null");
        assertEveryTotalIsTheSumOfItsParts(report);

        JsonNode byProvider = alice.json("/api/multi/cost-analysis?" + RANGE);
        assertThat(texts(byProvider.get("groupBy"), null)).containsExactly("provider");
        assertThat(texts(byProvider.get("breakdown"), "provider")).containsExactly("ANTHROPIC", "OPENAI");
        assertThat(texts(byProvider.get("breakdown"), "cost")).containsExactly("21.65", "0.25");
        assertThat(texts(byProvider.get("trend"), "day")).containsExactly("2026-08-30", "2026-08-31", "2026-09-01",
                "2026-09-02");
        assertThat(texts(byProvider.get("trend"), "cost")).containsExactly("3.00", "3.75", "14.90", "0.25");
        assertEveryTotalIsTheSumOfItsParts(byProvider);
    }

    @Test
    void groups_by_day_in_day_order_and_reads_ranges_given_as_instants() {
        Caller alice = caller();
        fixture(alice);

        JsonNode byDay = alice.json("/api/multi/cost-analysis?" + RANGE + "&groupBy=day,model");
        assertThat(texts(byDay.get("breakdown"), "day")).containsExactly("2026-08-30", "2026-08-31", "2026-09-01",
                "2026-09-02", "2026-09-02");
        assertThat(texts(byDay.get("breakdown"), "cost")).containsExactly("3.00", "3.75", "14.90", "0.25", "null");
        assertEveryTotalIsTheSumOfItsParts(byDay);

        // within one hour and a half: only the buckets that start in it
        JsonNode halfHour = alice.json("/api/multi/cost-analysis?from=2026-09-02T06:00:00Z&to=2026-09-02T06:45:00Z");
        assertThat(halfHour.get("total").get("cost").asString()).isEqualTo("0.08");
        assertThat(halfHour.get("total").get("requests").asLong()).isEqualTo(3);
        assertThat(halfHour.get("total").get("unknownPrice").asBoolean()).isTrue();
        assertThat(texts(halfHour.get("trend"), "day")).containsExactly("2026-09-02");

        // hours, a whole day and a partial hour: 3.75 + 14.90 + 0.18
        JsonNode mixed = alice.json("/api/multi/cost-analysis?from=2026-08-31T10:00:00Z&to=2026-09-02T05:30:00Z");
        assertThat(mixed.get("total").get("cost").asString()).isEqualTo("18.83");
        assertThat(mixed.get("total").get("requests").asLong()).isEqualTo(115);
    }

    @Test
    void replaying_every_event_twice_changes_no_figure() {
        Caller alice = caller();
        Fixture fixture = fixture(alice);
        List<String> paths = List.of("/api/multi/cost-analysis?" + RANGE + "&groupBy=model,key",
                "/api/multi/cost-analysis?" + RANGE + "&groupBy=day,provider",
                "/api/analytics/usage?" + RANGE + "&size=500");
        List<String> before = paths.stream().map(path -> withoutProjection(alice.json(path))).toList();

        publishAll(fixture.events);
        publishAll(fixture.events);
        awaitMarker(alice);

        assertThat(paths.stream().map(path -> withoutProjection(alice.json(path))).toList()).isEqualTo(before);
    }

    @Test
    void lists_usage_buckets_page_by_page_in_order_with_their_costs() {
        Caller alice = caller();
        Fixture fixture = fixture(alice);

        JsonNode first = alice.json("/api/analytics/usage?" + RANGE + "&size=4");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(4);
        assertThat(first.get("totalItems").asLong()).isEqualTo(9);
        assertThat(first.get("totalPages").asLong()).isEqualTo(3);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            alice.json("/api/analytics/usage?" + RANGE + "&size=4&page=" + page).get("items").forEach(all::add);
        }
        assertThat(all).hasSize(9);
        for (int index = 1; index < all.size(); index++) {
            String previous = all.get(index - 1).get("bucketStart").asString() + all.get(index - 1).get("model").asString();
            String current = all.get(index).get("bucketStart").asString() + all.get(index).get("model").asString();
            assertThat(current).isGreaterThanOrEqualTo(previous);
        }
        JsonNode revised = all.stream().filter(item -> item.get("bucketStart").asString().equals("2026-08-31T10:00:00Z"))
                .findFirst().orElseThrow();
        assertThat(revised.get("inputTokens").asLong()).isEqualTo(1_000_000);
        assertThat(revised.get("computedCost").asString()).isEqualTo("3.75");
        assertThat(revised.get("reportedCost").isNull()).isTrue();
        assertThat(revised.get("keyId").asString()).isEqualTo(fixture.anthropic.toString());
        assertThat(revised.get("keyLabel").asString()).isEqualTo("prod-anthropic");
        assertThat(revised.get("provider").asString()).isEqualTo("ANTHROPIC");
        assertThat(revised.get("serviceTier").asString()).isEqualTo("standard");
        assertThat(revised.get("source").asString()).isEqualTo("ADMIN_API");
        assertThat(revised.get("bucketEnd").asString()).isEqualTo("2026-08-31T11:00:00Z");
        JsonNode reported = all.stream().filter(item -> item.get("bucketStart").asString().equals("2026-09-01T00:00:00Z"))
                .findFirst().orElseThrow();
        assertThat(reported.get("reportedCost").asString()).isEqualTo("14.90");
        assertThat(reported.get("computedCost").asString()).isEqualTo("0.00");
        JsonNode unknown = all.stream().filter(item -> item.get("model").asString().equals("gpt-9-preview"))
                .findFirst().orElseThrow();
        assertThat(unknown.get("computedCost").isNull()).isTrue();
        assertThat(unknown.get("unknownPrice").asBoolean()).isTrue();

        // filters: a model by its alias finds its snapshot's buckets; a provider; a key
        assertThat(alice.json("/api/analytics/usage?" + RANGE + "&model=claude-haiku-4-5").get("totalItems").asLong())
                .isEqualTo(2);
        assertThat(alice.json("/api/analytics/usage?" + RANGE + "&provider=openai").get("totalItems").asLong())
                .isEqualTo(3);
        assertThat(alice.json("/api/analytics/usage?" + RANGE + "&keyId=" + fixture.anthropic).get("totalItems")
                .asLong()).isEqualTo(6);
        assertThat(alice.json("/api/analytics/usage?" + RANGE + "&model=gpt-4o-mini&provider=OPENAI")
                .get("totalItems").asLong()).isEqualTo(2);
        JsonNode filteredCost = alice.json("/api/multi/cost-analysis?" + RANGE + "&model=claude-sonnet-5&groupBy=day");
        assertThat(filteredCost.get("total").get("cost").asString()).isEqualTo("18.65");
    }

    @Test
    void exports_the_breakdown_and_the_buckets_as_rfc_4180_csv_matching_what_the_api_shows() throws IOException {
        Caller alice = caller();
        fixture(alice);
        JsonNode report = alice.json("/api/multi/cost-analysis?" + RANGE + "&groupBy=model,key");

        HttpResponse<String> grouped = alice.get("/api/analytics/export.csv?" + RANGE + "&groupBy=model,key");

        assertThat(grouped.statusCode()).isEqualTo(200);
        assertThat(grouped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(grouped.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("filename=\"quotah-cost-by-model-key_2026-08-30_2026-09-02.csv\"");
        assertThat(grouped.body()).endsWith("\r\n").doesNotContain("\"prod, \\\"openai\\\"\"");
        assertThat(grouped.body().replace("\r\n", "")).doesNotContain("\n" + "claude");
        List<List<String>> records = Rfc4180.parse(grouped.body());
        assertThat(records.getFirst()).containsExactly("model", "key_id", "key_label", "cost", "computed_cost",
                "reported_cost", "requests", "input_tokens", "output_tokens", "cache_write_5m_tokens",
                "cache_write_1h_tokens", "cache_read_tokens", "reasoning_tokens", "unknown_price", "cost_differs");
        JsonNode rows = report.get("breakdown");
        assertThat(records).hasSize(rows.size() + 1);
        for (int index = 0; index < rows.size(); index++) {
            JsonNode row = rows.get(index);
            List<String> record = records.get(index + 1);
            assertThat(record.subList(0, 15)).containsExactly(row.get("model").asString(),
                    row.get("keyId").asString(), row.get("keyLabel").asString(), text(row, "cost"),
                    text(row, "computedCost"), text(row, "reportedCost"), text(row, "requests"),
                    text(row, "inputTokens"), text(row, "outputTokens"), text(row, "cacheWrite5mTokens"),
                    text(row, "cacheWrite1hTokens"), text(row, "cacheReadTokens"), text(row, "reasoningTokens"),
                    text(row, "unknownPrice"), text(row, "costDiffers"));
        }
        assertThat(grouped.body()).contains(",\"prod, \"\"openai\"\"\",");

        HttpResponse<String> buckets = alice.get("/api/analytics/export.csv?" + RANGE);
        assertThat(buckets.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"quotah-usage_2026-08-30_2026-09-02.csv\"");
        List<List<String>> bucketRecords = Rfc4180.parse(buckets.body());
        JsonNode items = alice.json("/api/analytics/usage?" + RANGE + "&size=500").get("items");
        assertThat(bucketRecords).hasSize(items.size() + 1);
        assertThat(bucketRecords.getFirst()).startsWith("bucket_start", "bucket_end", "provider", "key_id", "key_label");
        int computed = bucketRecords.getFirst().indexOf("computed_cost");
        for (int index = 0; index < items.size(); index++) {
            assertThat(bucketRecords.get(index + 1).get(0)).isEqualTo(items.get(index).get("bucketStart").asString());
            assertThat(bucketRecords.get(index + 1).get(6)).isEqualTo(items.get(index).get("model").asString());
            assertThat(bucketRecords.get(index + 1).get(computed)).isEqualTo(text(items.get(index), "computedCost"));
        }
    }

    @Test
    void the_projection_adds_the_last_7_complete_days_average_for_each_day_left_in_the_month() {
        Caller bob = caller();
        UUID key = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UsageEvent> events = new ArrayList<>();
        BigDecimal spent = new BigDecimal("0.50");
        events.add(cost(bob.workspace, key, Provider.OPENAI, "gpt-5", today.toString(), "0.50"));
        for (int back = 1; back <= 7; back++) {
            LocalDate day = today.minusDays(back);
            events.add(cost(bob.workspace, key, Provider.OPENAI, "gpt-5", day.toString(), "1.00"));
            if (YearMonth.from(day).equals(YearMonth.from(today))) {
                spent = spent.add(BigDecimal.ONE);
            }
        }
        events.add(cost(bob.workspace, key, Provider.OPENAI, "gpt-5", today.minusDays(40).toString(), "100"));
        publishAll(events);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bob.json("/api/analytics/usage?from="
                + today.minusDays(40) + "&to=" + today).get("totalItems").asLong()).isEqualTo(9));

        JsonNode projection = bob.json("/api/multi/cost-analysis").get("projection");

        int daysLeft = today.lengthOfMonth() - today.getDayOfMonth();
        assertThat(projection.get("month").asString()).isEqualTo(YearMonth.from(today).toString());
        assertThat(projection.get("daysLeft").asInt()).isEqualTo(daysLeft);
        assertThat(projection.get("spentSoFar").asString()).isEqualTo(spent.setScale(2).toPlainString());
        assertThat(projection.get("dailyAverage").asString()).isEqualTo("1.00");
        assertThat(projection.get("projectedTotal").asString())
                .isEqualTo(spent.add(BigDecimal.valueOf(daysLeft)).setScale(2).toPlainString());
        assertThat(projection.get("method").asString()).contains("last 7 complete UTC days");
    }

    @Test
    void each_caller_sees_only_its_own_workspace() {
        Caller alice = caller();
        Caller bob = caller();
        Fixture fixture = fixture(alice);
        // Bob's usage under the very same key id, on the same day
        publishAll(List.of(usage(bob.workspace, fixture.anthropic, Provider.ANTHROPIC, "claude-opus-4-5", "standard",
                "2026-08-31T10:00:00Z", Duration.ofHours(1), 7, 1_000_000, 0, 0, 0, 0, null, POLLED)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bob.json("/api/multi/cost-analysis?" + RANGE)
                .get("total").get("requests").asLong()).isEqualTo(7));

        JsonNode bobs = bob.json("/api/multi/cost-analysis?" + RANGE + "&groupBy=key");
        assertThat(bobs.get("total").get("cost").asString()).isEqualTo("5.00");
        assertThat(texts(bobs.get("breakdown"), "keyLabel")).containsExactly("null");
        assertThat(bob.json("/api/analytics/usage?" + RANGE).get("totalItems").asLong()).isEqualTo(1);
        assertThat(Rfc4180.parse(bob.get("/api/analytics/export.csv?" + RANGE).body())).hasSize(2);
        assertThat(bob.json("/api/analytics/usage?" + RANGE + "&keyId=" + fixture.openAi).get("totalItems").asLong())
                .isZero();
        JsonNode alices = alice.json("/api/multi/cost-analysis?" + RANGE);
        assertThat(alices.get("total").get("cost").asString()).isEqualTo("21.90");
        assertThat(alices.get("total").get("requests").asLong()).isEqualTo(418);
        assertThat(send(HttpRequest.newBuilder(uri("/api/multi/cost-analysis")).build()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/analytics/export.csv")).build()).statusCode()).isEqualTo(401);
    }

    @Test
    void rejects_bad_parameters_naming_the_field_and_the_reason() throws IOException {
        Caller alice = caller();

        assertProblem(alice.get("/api/multi/cost-analysis?from=2026-09-02&to=2026-09-01"), "from", "after to");
        assertProblem(alice.get("/api/multi/cost-analysis?from=2025-01-01&to=2026-02-05"), "from", "400 days");
        assertProblem(alice.get("/api/multi/cost-analysis?from=last-week"), "from", "ISO-8601");
        assertProblem(alice.get("/api/multi/cost-analysis?to=2026-02-30"), "to", "date");
        assertProblem(alice.get("/api/multi/cost-analysis?groupBy=model,team"), "groupBy", "team");
        assertProblem(alice.get("/api/multi/cost-analysis?provider=azure"), "provider", "OPENAI");
        assertProblem(alice.get("/api/multi/cost-analysis?keyId=123"), "keyId", "UUID");
        assertProblem(alice.get("/api/analytics/usage?size=0"), "size", "1 to 500");
        assertProblem(alice.get("/api/analytics/usage?size=501"), "size", "1 to 500");
        assertProblem(alice.get("/api/analytics/usage?page=-1"), "page", "0 or more");
        assertProblem(alice.get("/api/analytics/usage?page=two"), "page", "whole number");
        assertProblem(alice.get("/api/analytics/usage?keyId=not-a-uuid"), "keyId", "UUID");
        assertProblem(alice.get("/api/analytics/export.csv?groupBy=week"), "groupBy", "week");
        assertProblem(alice.get("/api/analytics/export.csv?from=2026-09-02T00:00:00Z&to=2026-09-01T00:00:00Z"),
                "from", "after to");
    }

    @Test
    void publishes_the_cost_endpoints_in_its_api_document() {
        HttpResponse<String> docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).build());

        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/multi/cost-analysis")).isTrue();
        assertThat(paths.has("/api/analytics/usage")).isTrue();
        assertThat(paths.has("/api/analytics/export.csv")).isTrue();
    }

    /** Every money total is the sum of its shown breakdown rows and of its shown trend days, to the cent. */
    private static void assertEveryTotalIsTheSumOfItsParts(JsonNode report) {
        JsonNode total = report.get("total");
        for (String figure : List.of("cost", "computedCost", "reportedCost")) {
            assertThat(sum(report.get("breakdown"), figure)).as(figure).isEqualTo(money(total.get(figure)));
        }
        assertThat(sum(report.get("trend"), "cost")).isEqualTo(money(total.get("cost")));
        for (String count : List.of("requests", "inputTokens", "outputTokens", "cacheWrite5mTokens",
                "cacheWrite1hTokens", "cacheReadTokens", "reasoningTokens")) {
            assertThat(StreamSupport.stream(report.get("breakdown").spliterator(), false)
                    .mapToLong(row -> row.get(count).asLong()).sum()).as(count).isEqualTo(total.get(count).asLong());
        }
    }

    private static BigDecimal sum(JsonNode rows, String figure) {
        BigDecimal sum = new BigDecimal("0.00");
        for (JsonNode row : rows) {
            JsonNode value = row.get(figure);
            if (!value.isNull()) {
                assertThat(value.isString()).as(figure + " travels as a string").isTrue();
                assertThat(value.asString()).matches("-?\\d+\\.\\d{2}");
                sum = sum.add(new BigDecimal(value.asString()));
            }
        }
        return sum;
    }

    private static BigDecimal money(JsonNode value) {
        return value.isNull() ? new BigDecimal("0.00") : new BigDecimal(value.asString());
    }

    private static String withoutProjection(JsonNode report) {
        if (report.has("projection")) {
            ((tools.jackson.databind.node.ObjectNode) report).remove("projection");
        }
        return report.toString();
    }

    private void awaitMarker(Caller caller) {
        UUID connection = UUID.randomUUID();
        publishAll(List.of(usage(caller.workspace, connection, Provider.OPENAI, "marker", null, "2026-07-01T00:00:00Z",
                Duration.ofMinutes(1), 1, 0, 0, 0, 0, 0, null, POLLED)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caller.json("/api/analytics/usage?from=2026-07-01&to="
                + "2026-07-01&keyId=" + connection).get("totalItems").asLong()).isEqualTo(1));
    }

    private void assertProblem(HttpResponse<String> response, String field, String reason) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains(reason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value.isNull() ? "" : value.asString();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            JsonNode value = field == null ? node : node.get(field);
            texts.add(value.isNull() ? "null" : value.asString());
        });
        return texts;
    }

    private static UsageEvent usage(String workspace, UUID connection, Provider provider, String model, String tier,
            String start, Duration width, long requests, long input, long output, long write5m, long write1h,
            long cacheRead, Long reasoning, Instant polled) {
        Instant bucketStart = Instant.parse(start);
        Instant bucketEnd = bucketStart.plus(width);
        UUID id = UsageEvent.idFor(provider, connection, "key-1", bucketStart, bucketEnd, model, tier,
                UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, polled, UsageEvent.SCHEMA_VERSION, connection, provider, "key-1", model,
                bucketStart, bucketEnd, requests, input, output, write5m, write1h, cacheRead, reasoning, tier, null,
                UsageSource.ADMIN_API);
    }

    private static UsageEvent withInput(UsageEvent usage, long input, Instant polled) {
        return new UsageEvent(usage.eventId(), usage.workspaceId(), polled, usage.schemaVersion(),
                usage.connectionId(), usage.provider(), usage.providerKeyId(), usage.model(), usage.bucketStart(),
                usage.bucketEnd(), usage.requests(), input, usage.outputTokens(), usage.cacheWrite5mTokens(),
                usage.cacheWrite1hTokens(), usage.cacheReadTokens(), usage.reasoningTokens(), usage.serviceTier(),
                usage.reportedCost(), usage.source());
    }

    /** A cost-only event as the poller sends a cost report line: a day, a model, an amount, no tokens, no key. */
    private static UsageEvent cost(String workspace, UUID connection, Provider provider, String model, String day,
            String usd) {
        Instant start = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        UUID id = UsageEvent.idFor(provider, connection, "cost-report", start, end, model, null, UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, POLLED, UsageEvent.SCHEMA_VERSION, connection, provider, null, model,
                start, end, 0, 0, 0, 0, 0, 0, null, null, Money.usd(usd), UsageSource.ADMIN_API);
    }

    private static ConnectionChanged connection(String workspace, UUID connection, Provider provider, String label) {
        return new ConnectionChanged(UUID.randomUUID(), workspace, Instant.now(), ConnectionChanged.SCHEMA_VERSION,
                connection, provider, label, null, Change.ADDED, null);
    }

    private void publish(QuotahEvent event) {
        publisher.publish(event).join();
    }

    private void publishAll(List<? extends QuotahEvent> events) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        events.forEach(event -> sent.add(publisher.publish(event)));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private Caller caller() {
        String email = users.create(PASSWORD);
        String token = users.accessToken(email, PASSWORD);
        return new Caller(token, jwtDecoder.decode(token).getSubject());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return calls.send(request);
    }

    private record Fixture(Caller caller, UUID anthropic, UUID openAi, List<UsageEvent> events) {
        Fixture(Caller caller, UUID anthropic, UUID openAi) {
            this(caller, anthropic, openAi, new ArrayList<>());
        }
    }

    /** A signed-in user: a real token and the workspace it names. */
    private final class Caller {
        private final String token;
        private final String workspace;

        Caller(String token, String workspace) {
            this.token = token;
            this.workspace = workspace;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build());
        }

        JsonNode json(String path) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return CostAnalysisIT.this.json.readTree(response.body());
        }
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes, nothing else. */
    static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int index = 0;
            boolean atFieldStart = true;
            while (index < text.length()) {
                char c = text.charAt(index);
                if (atFieldStart && c == '"') {
                    index++;
                    while (true) {
                        char q = text.charAt(index);
                        if (q == '"' && index + 1 < text.length() && text.charAt(index + 1) == '"') {
                            field.append('"');
                            index += 2;
                        } else if (q == '"') {
                            index++;
                            break;
                        } else {
                            field.append(q);
                            index++;
                        }
                    }
                    atFieldStart = false;
                    continue;
                }
                if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    atFieldStart = true;
                    index++;
                } else if (c == '\r') {
                    assertThat(text.charAt(index + 1)).as("CR is followed by LF").isEqualTo('\n');
                    record.add(field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    atFieldStart = true;
                    index += 2;
                } else {
                    assertThat(c).as("a bare LF or quote outside a quoted field").isNotIn('\n', '"');
                    field.append(c);
                    atFieldStart = false;
                    index++;
                }
            }
            assertThat(record).as("the last record ends in CRLF").isEmpty();
            return records;
        }
    }
}
