package io.quotah.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.control.UsageRevision;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Provider;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.testkit.PublishedEvents;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage and cost from the Admin APIs (every page, revisions), from observed responses, and from customers'
 * batches, all as UsageEvents that consumers can upsert without ever counting twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quotah.poller.polling.tick=200ms")
@RealInfrastructureWithKeycloak
class UsageIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-usage-it-" + UUID.randomUUID();
    private static final String ANTHROPIC_ADMIN = "sk-ant-admin01-usage-it-" + UUID.randomUUID();
    private static final String OPENAI_KEY = "sk-proj-usageit" + UUID.randomUUID().toString().replace("-", "");
    private static final String OPENAI_ADMIN = "sk-admin-usageit" + UUID.randomUUID().toString().replace("-", "");
    private static final ProviderSimulator simulator = ProviderSimulator.builder(Scenario.builder()
                    .key(new KeySpec(Provider.ANTHROPIC, ANTHROPIC_KEY, ANTHROPIC_ADMIN, null, null, null, null, null,
                            Map.of("sonnet", ModelLimits.anthropic(1000, 2_000_000, 400_000)), null, null, null))
                    .key(new KeySpec(Provider.OPENAI, OPENAI_KEY, OPENAI_ADMIN, null, null, null, null, null,
                            Map.of("gpt-4o-mini", ModelLimits.openAi(1000, 2_000_000)), null, null, null))
                    .build())
            .port(0).backgroundTick(Duration.ZERO).start();
    private static PublishedEvents events;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeycloakUsers users = new KeycloakUsers(Infrastructure.keycloak());

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void pointAtTheSimulator(DynamicPropertyRegistry registry) {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        registry.add("quotah.poller.encryption.data-keys.k1", () -> Base64.getEncoder().encodeToString(dataKey));
        registry.add("quotah.poller.providers.anthropic.base-url", simulator::anthropicBaseUrl);
        registry.add("quotah.poller.providers.openai.base-url", simulator::openAiBaseUrl);
    }

    @BeforeAll
    static void readUsageEvents() {
        events = PublishedEvents.of(Topics.USAGE_EVENTS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        events.close();
        simulator.close();
    }

    @Test
    void anthropic_admin_usage_every_page_revisions_as_the_same_event_and_costs_to_the_cent() throws Exception {
        String token = signIn();
        for (int i = 0; i < 3; i++) {
            message(ANTHROPIC_KEY, "claude-sonnet-4-5", 4_000);
        }
        UUID id = addKey(token, "ANTHROPIC", ANTHROPIC_KEY, ANTHROPIC_ADMIN);

        UsageEvent hour = await().until(() -> latest(id, UsageSource.ADMIN_API, e -> e.inputTokens() > 0),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(Duration.between(hour.bucketStart(), hour.bucketEnd())).isEqualTo(Duration.ofHours(1));
        assertThat(hour.model()).startsWith("claude-sonnet-4-5");
        assertThat(hour.providerKeyId()).isNotBlank();
        long served = simulator.usage().stream().filter(u -> u.keyId().equals(simulator.state().key(ANTHROPIC_KEY).id()))
                .mapToLong(u -> u.counts().uncachedInputTokens()).sum();
        await().untilAsserted(() -> assertThat(newestPerEvent(id, UsageSource.ADMIN_API).stream()
                .mapToLong(UsageEvent::inputTokens).sum()).as("every hour of it, on whichever page").isEqualTo(served));
        assertThat(syncState(id)).as("the 30 days before were read once, as daily buckets, every page")
                .isEqualTo(true);

        // The provider revises the hour; the next poll sends the same event with the newer totals.
        simulator.reviseUsage(new UsageRevision(ANTHROPIC_KEY, hour.model(), Instant.now().truncatedTo(ChronoUnit.MINUTES),
                0, 1_000, 0, 0, 0, 50));
        pollNow(id);
        UsageEvent revisedHour = await().until(() -> newestPerEvent(id, UsageSource.ADMIN_API).stream()
                .filter(e -> e.bucketStart().equals(Instant.now().truncatedTo(ChronoUnit.HOURS))
                        || e.eventId().equals(hour.eventId()))
                .filter(e -> e.outputTokens() > 0).max(Comparator.comparing(UsageEvent::bucketStart)),
                java.util.Optional::isPresent).orElseThrow();
        await().untilAsserted(() -> assertThat(newestPerEvent(id, UsageSource.ADMIN_API).stream()
                .mapToLong(UsageEvent::inputTokens).sum()).as("the revision replaced its bucket, added once")
                .isEqualTo(served + 1_000));
        assertThat(published().stream().filter(e -> e.eventId().equals(revisedHour.eventId())).count())
                .as("the revised bucket went out again under its own id").isGreaterThan(1);

        BigDecimal reported = await().until(() -> costOnly(id), total -> total.signum() > 0);
        assertThat(reported).isEqualByComparingTo(simulatorCost(ANTHROPIC_ADMIN, "anthropic"));
    }

    @Test
    void openai_cached_tokens_are_taken_out_of_the_input_and_costs_come_from_line_items() throws Exception {
        String token = signIn();
        chat(OPENAI_KEY, "gpt-4o-mini", 6_000);
        chat(OPENAI_KEY, "gpt-4o-mini", 6_000);
        UUID id = addKey(token, "OPENAI", OPENAI_KEY, OPENAI_ADMIN);

        UsageEvent hour = await().until(() -> latest(id, UsageSource.ADMIN_API, e -> e.requests() > 0),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(hour.requests()).isEqualTo(2);
        long cached = simulator.usage().stream().filter(u -> u.keyId().equals(simulator.state().key(OPENAI_KEY).id()))
                .mapToLong(u -> u.counts().cacheReadTokens()).sum();
        long uncached = simulator.usage().stream().filter(u -> u.keyId().equals(simulator.state().key(OPENAI_KEY).id()))
                .mapToLong(u -> u.counts().uncachedInputTokens()).sum();
        assertThat(hour.cacheReadTokens()).isEqualTo(cached);
        assertThat(hour.inputTokens()).as("uncached only").isEqualTo(uncached);
        BigDecimal reported = await().until(() -> costOnly(id), total -> total.signum() > 0);
        assertThat(reported).isEqualByComparingTo(simulatorCost(OPENAI_ADMIN, "openai"));
    }

    @Test
    void observed_usage_sums_per_hour_into_one_event_and_batches_keep_good_records() throws Exception {
        String token = signIn();
        UUID id = addKey(token, "OPENAI", OPENAI_KEY, null);
        Map<String, Object> usage = Map.of("prompt_tokens", 3006, "completion_tokens", 400,
                "prompt_tokens_details", Map.of("cached_tokens", 1024),
                "completion_tokens_details", Map.of("reasoning_tokens", 0));
        Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> accepted = send(token, "/api/api-keys/" + id + "/observations",
                    Map.of("model", "gpt-4o-mini", "observedAt", at.plusSeconds(i).toString(), "usage", usage));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        UsageEvent summed = await().until(() -> latest(id, UsageSource.PASSIVE, e -> e.requests() == 2),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(summed.inputTokens()).isEqualTo(2 * (3006 - 1024));
        assertThat(summed.cacheReadTokens()).isEqualTo(2 * 1024);
        assertThat(published().stream().filter(e -> e.connectionId().equals(id) && e.source() == UsageSource.PASSIVE)
                .map(UsageEvent::eventId).distinct()).as("one event per hour, its totals replaced").hasSize(1);

        HttpResponse<String> batch = send(token, "/api/usage/events", Map.of("events", List.of(
                Map.of("id", "r-1", "keyId", id.toString(), "model", "gpt-4o", "occurredAt", at.toString(),
                        "inputTokens", 100, "outputTokens", 20),
                Map.of("id", "r-2", "keyId", UUID.randomUUID().toString(), "model", "gpt-4o",
                        "occurredAt", at.toString()),
                Map.of("id", "r-3", "keyId", id.toString(), "model", "gpt-4o", "occurredAt", "yesterday",
                        "outputTokens", -5),
                Map.of("id", "r-4", "keyId", id.toString(), "model", "gpt-4o", "occurredAt", at.toString(),
                        "outputTokens", 10, "reasoningTokens", 4, "serviceTier", "flex"))));
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(batch.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).hasSize(2);
        assertThat(answer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("keyId");
        assertThat(answer.get("rejected").get(1).get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("occurredAt", "outputTokens");
        await().until(() -> published().stream().filter(e -> e.connectionId().equals(id)
                && e.source() == UsageSource.INGEST).map(UsageEvent::eventId).distinct().count() == 2);
        send(token, "/api/usage/events", Map.of("events", List.of(Map.of("id", "r-1", "keyId", id.toString(),
                "model", "gpt-4o", "occurredAt", at.toString(), "inputTokens", 100, "outputTokens", 20))));
        await().until(() -> published().stream().filter(e -> e.connectionId().equals(id)
                && e.source() == UsageSource.INGEST).count() == 3);
        assertThat(published().stream().filter(e -> e.connectionId().equals(id) && e.source() == UsageSource.INGEST)
                .map(UsageEvent::eventId).distinct()).as("a record sent again is the same event").hasSize(2);
        assertThat(send(token, "/api/usage/events", Map.of("events", List.of())).statusCode()).isEqualTo(400);
    }

    private java.util.Optional<UsageEvent> latest(UUID connection, UsageSource source,
            java.util.function.Predicate<UsageEvent> matching) {
        return published().stream().filter(e -> e.connectionId().equals(connection) && e.source() == source)
                .filter(matching).max(Comparator.comparing(UsageEvent::occurredAt));
    }

    /** Each bucket once, at its newest totals: what a consumer that upserts by event id holds. */
    private List<UsageEvent> newestPerEvent(UUID connection, UsageSource source) {
        return List.copyOf(published().stream().filter(e -> e.connectionId().equals(connection) && e.source() == source
                        && e.reportedCost() == null)
                .collect(Collectors.toMap(UsageEvent::eventId, e -> e,
                        (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a))
                .values());
    }

    /** The reported cost of every day, each day's newest event counted once. */
    private BigDecimal costOnly(UUID connection) {
        return published().stream().filter(e -> e.connectionId().equals(connection) && e.reportedCost() != null)
                .collect(Collectors.toMap(UsageEvent::eventId, e -> e, (a, b) -> b.occurredAt().isAfter(a.occurredAt())
                        ? b : a))
                .values().stream().map(e -> e.reportedCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal simulatorCost(String adminKey, String provider) throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        HttpRequest.Builder request;
        if (provider.equals("anthropic")) {
            request = HttpRequest.newBuilder(URI.create(simulator.anthropicBaseUrl()
                    + "/v1/organizations/cost_report?bucket_width=1d&limit=31&starting_at=" + from + "&ending_at=" + to))
                    .header("x-api-key", adminKey).header("anthropic-version", "2023-06-01");
        } else {
            request = HttpRequest.newBuilder(URI.create(simulator.openAiBaseUrl() + "/v1/organization/costs?limit=31"
                    + "&bucket_width=1d&start_time=" + from.getEpochSecond() + "&end_time=" + to.getEpochSecond()))
                    .header("Authorization", "Bearer " + adminKey);
        }
        JsonNode body = json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode bucket : body.get("data")) {
            for (JsonNode result : bucket.get("results")) {
                total = total.add(provider.equals("anthropic")
                        ? new BigDecimal(result.get("amount").asString()).movePointLeft(2)
                        : new BigDecimal(result.get("amount").get("value").toString()));
            }
        }
        return total;
    }

    private boolean syncState(UUID id) {
        return jdbc.sql("SELECT backfilled FROM usage_sync WHERE connection_id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private void pollNow(UUID id) {
        jdbc.sql("UPDATE provider_connection SET next_poll_at = now() - interval '1 second' WHERE id = :id")
                .param("id", id).update();
    }

    private void message(String key, String model, int characters) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.anthropicBaseUrl()
                        + "/v1/messages")).header("x-api-key", key).header("anthropic-version", "2023-06-01")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("model", model,
                        "max_tokens", 200, "messages", List.of(Map.of("role", "user", "content", "x".repeat(characters)))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void chat(String key, String model, int characters) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.openAiBaseUrl()
                        + "/v1/chat/completions")).header("Authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("model", model,
                        "messages", List.of(Map.of("role", "user", "content", "x".repeat(characters)))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private UUID addKey(String token, String provider, String key, String adminKey) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("provider", provider, "label", provider + " usage",
                "key", key));
        if (adminKey != null) {
            body.put("adminKey", adminKey);
        }
        HttpResponse<String> response = send(token, "/api/api-keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    private String signIn() {
        String email = users.create(PASSWORD);
        return users.accessToken(email, PASSWORD);
    }

    private HttpResponse<String> send(String token, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Everything published so far, in the order it was read. */
    private static List<UsageEvent> published() {
        return events.of(UsageEvent.class, event -> true);
    }
}
