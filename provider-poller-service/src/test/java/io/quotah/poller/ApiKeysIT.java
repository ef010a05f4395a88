package io.quotah.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.PublishedEvents;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watched keys end to end against the provider simulator: added and checked, sealed at rest, polled into
 * snapshots, every documented fault, passive observations, and a deleted account's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quotah.poller.providers.timeout=2s",
        "quotah.poller.polling.tick=200ms"})
@RealInfrastructureWithKeycloak
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-it-only-" + UUID.randomUUID();
    private static final String ANTHROPIC_ADMIN_KEY = "sk-ant-admin01-it-only-" + UUID.randomUUID();
    private static final String OPENAI_KEY = "sk-proj-it-only-" + UUID.randomUUID().toString().replace("-", "");
    private static final ProviderSimulator simulator = ProviderSimulator.start(Scenario.builder()
            .key(anthropicKey(ANTHROPIC_KEY, ANTHROPIC_ADMIN_KEY))
            .key(new KeySpec(io.quotah.dev.simulator.scenario.Provider.OPENAI, OPENAI_KEY, null, null, null, null,
                    null, null, Map.of("gpt-5-nano", ModelLimits.openAi(500, 200_000)), null, null, null))
            .build(), 0);
    private static PublishedEvents published;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeycloakUsers users = new KeycloakUsers(Infrastructure.keycloak());

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    EventPublisher events;

    @DynamicPropertySource
    static void pointAtTheSimulator(DynamicPropertyRegistry registry) {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        registry.add("quotah.poller.encryption.data-keys.k1", () -> Base64.getEncoder().encodeToString(dataKey));
        registry.add("quotah.poller.providers.anthropic.base-url", simulator::anthropicBaseUrl);
        registry.add("quotah.poller.providers.openai.base-url", simulator::openAiBaseUrl);
    }

    @BeforeAll
    static void readEverythingPublished() {
        published = PublishedEvents.of(Topics.RATE_LIMIT_SNAPSHOTS, Topics.CONNECTIONS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        published.close();
        simulator.close();
    }

    @Test
    void a_key_of_each_provider_is_checked_sealed_and_polled_into_snapshots(CapturedOutput output) throws Exception {
        String token = signIn();
        JsonNode anthropic = add(token, Map.of("provider", "ANTHROPIC", "label", "Production", "key", ANTHROPIC_KEY,
                "adminKey", ANTHROPIC_ADMIN_KEY, "probing", true, "pollIntervalSeconds", 30), 201);
        JsonNode openAi = add(token, Map.of("provider", "OPENAI", "label", "Batch jobs", "key", OPENAI_KEY,
                "probing", true), 201);

        assertThat(anthropic.get("status").asString()).isEqualTo("HEALTHY");
        assertThat(anthropic.get("maskedKey").asString()).isEqualTo("sk-ant-…" + ANTHROPIC_KEY.substring(ANTHROPIC_KEY.length() - 4));
        assertThat(anthropic.get("maskedAdminKey").asString()).startsWith("sk-ant-admin…");
        assertThat(openAi.get("status").asString()).isEqualTo("HEALTHY");
        assertThat(openAi.get("pollIntervalSeconds").asInt()).isEqualTo(60);

        UUID anthropicId = UUID.fromString(anthropic.get("id").asString());
        UUID openAiId = UUID.fromString(openAi.get("id").asString());
        RateLimitSnapshot probed = awaitSnapshot(anthropicId, SnapshotSource.PROBE);
        assertThat(probed.model()).isEqualTo("claude-haiku-4-5");
        assertThat(probed.windows()).extracting(RateLimitWindow::kind)
                .contains(WindowKind.REQUESTS, WindowKind.INPUT_TOKENS, WindowKind.OUTPUT_TOKENS);
        RateLimitWindow requests = window(probed, WindowKind.REQUESTS);
        assertThat(requests.limit()).isEqualTo(50);
        assertThat(requests.remaining()).isBetween(0L, 49L);
        assertThat(requests.resetAt()).isAfter(Instant.now().minusSeconds(5));
        RateLimitSnapshot configured = awaitSnapshot(anthropicId, SnapshotSource.ADMIN_API);
        assertThat(window(configured, WindowKind.INPUT_TOKENS).limit()).isEqualTo(50_000);
        assertThat(window(configured, WindowKind.INPUT_TOKENS).remaining()).as("configured limits only").isNull();
        RateLimitSnapshot openAiProbe = awaitSnapshot(openAiId, SnapshotSource.PROBE);
        assertThat(window(openAiProbe, WindowKind.TOKENS).limit()).isEqualTo(200_000);
        assertThat(window(openAiProbe, WindowKind.REQUESTS).resetAt()).isNotNull();
        assertThat(published()).filteredOn(ConnectionChanged.class::isInstance).map(ConnectionChanged.class::cast)
                .filteredOn(changed -> changed.connectionId().equals(anthropicId))
                .extracting(ConnectionChanged::change)
                .contains(ConnectionChanged.Change.ADDED, ConnectionChanged.Change.VALIDATED);

        JsonNode listed = json.readTree(get(token, "/api/api-keys").body());
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain(ANTHROPIC_KEY, ANTHROPIC_ADMIN_KEY, OPENAI_KEY);
        await().untilAsserted(() -> assertThat(json.readTree(get(token, "/api/api-keys/" + anthropicId).body())
                .get("lastPolledAt").isNull()).isFalse());

        // Sealed at rest: neither the key nor any part of it beyond the mask is in PostgreSQL, nor in the logs.
        byte[] sealed = jdbc.sql("SELECT key_sealed FROM provider_connection WHERE id = :id").param("id", anthropicId)
                .query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sk-ant", ANTHROPIC_KEY.substring(21));
        String everyRow = jdbc.sql("SELECT row_to_json(c)::text FROM provider_connection c").query(String.class).list()
                .toString();
        assertThat(everyRow).doesNotContain(ANTHROPIC_KEY, ANTHROPIC_ADMIN_KEY, OPENAI_KEY);
        assertThat(output.getAll()).doesNotContain(ANTHROPIC_KEY, ANTHROPIC_ADMIN_KEY, OPENAI_KEY,
                ANTHROPIC_KEY.substring(21));
    }

    @Test
    void bad_keys_are_refused_before_any_call_and_refused_keys_are_stored_invalid() throws Exception {
        String token = signIn();
        long callsBefore = simulatorCalls();
        JsonNode wrongFormat = add(token, Map.of("provider", "ANTHROPIC", "label", "x", "key", "sk-proj-abcdefghijklmnopqrstuv"),
                400);
        assertThat(wrongFormat.get("errors").get(0).get("field").asString()).isEqualTo("key");
        assertThat(wrongFormat.get("errors").get(0).get("message").asString()).contains("sk-ant-api03-");
        JsonNode noProvider = add(token, Map.of("provider", "MISTRAL", "label", "x", "key", OPENAI_KEY), 400);
        assertThat(noProvider.get("errors").get(0).get("field").asString()).isEqualTo("provider");
        JsonNode blankLabel = add(token, Map.of("provider", "OPENAI", "label", " ", "key", OPENAI_KEY,
                "pollIntervalSeconds", 5), 400);
        assertThat(blankLabel.get("errors")).extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("label", "pollIntervalSeconds");
        assertThat(simulatorCalls()).as("no call for a key that cannot be right").isEqualTo(callsBefore);

        String unknown = "sk-ant-api03-revoked-" + UUID.randomUUID();
        JsonNode refused = add(token, Map.of("provider", "ANTHROPIC", "label", "Old key", "key", unknown), 201);
        assertThat(refused.get("status").asString()).isEqualTo("INVALID");
        assertThat(refused.get("statusReason").asString()).isEqualTo("invalid x-api-key");
        add(token, Map.of("provider", "ANTHROPIC", "label", "Again", "key", unknown), 409);
    }

    @Test
    void every_provider_fault_is_reported_as_its_status_and_polling_backs_off() throws Exception {
        String token = signIn();
        String key = "sk-ant-api03-faults-" + UUID.randomUUID();
        simulator.addKey(anthropicKey(key, null));
        UUID id = UUID.fromString(add(token, Map.of("provider", "ANTHROPIC", "label", "Faulty", "key", key,
                "probing", true, "pollIntervalSeconds", 30), 201).get("id").asString());
        awaitSnapshot(id, SnapshotSource.PROBE);

        simulator.drain(key, 100);
        Instant drained = Instant.now();
        pollNow(id);
        awaitStatus(token, id, "RATE_LIMITED");
        Instant next = nextPollAt(id);
        assertThat(next).as("waits at least the interval, and retry-after if longer").isAfter(drained.plusSeconds(25));

        simulator.drain(key, 0);
        simulator.fault(key, Fault.of(FaultType.SERVER_ERROR));
        pollNow(id);
        JsonNode failing = awaitStatus(token, id, "PROVIDER_ERROR");
        assertThat(failing.get("lastError").asString()).contains("overloaded");
        assertThat(nextPollAt(id)).as("backs off: twice the interval or more").isAfter(Instant.now().plusSeconds(50));

        simulator.fault(key, Fault.of(FaultType.SPEND_CAP));
        pollNow(id);
        await().untilAsserted(() -> assertThat(json.readTree(get(token, "/api/api-keys/" + id).body())
                .get("lastError").asString()).contains("out of quota", "enforced_spend_limit_reached"));

        simulator.fault(key, Fault.slow(5_000));
        pollNow(id);
        await().untilAsserted(() -> assertThat(json.readTree(get(token, "/api/api-keys/" + id).body())
                .get("lastError").asString()).contains("no answer within 2 s"));

        simulator.fault(key, Fault.of(FaultType.INVALID));
        pollNow(id);
        awaitStatus(token, id, "INVALID");
        await().untilAsserted(() -> assertThat(published()).filteredOn(ConnectionChanged.class::isInstance)
                .map(ConnectionChanged.class::cast)
                .anyMatch(changed -> changed.connectionId().equals(id)
                        && changed.change() == ConnectionChanged.Change.INVALID));

        simulator.fault(key, Fault.NONE);
        pollNow(id);
        awaitStatus(token, id, "HEALTHY");
    }

    @Test
    void openai_quota_and_server_faults_are_reported_not_retried_as_rate_limits() throws Exception {
        String token = signIn();
        String key = "sk-proj-faults" + UUID.randomUUID().toString().replace("-", "");
        simulator.addKey(new KeySpec(io.quotah.dev.simulator.scenario.Provider.OPENAI, key, null, null, null, null,
                null, null, Map.of("gpt-5-nano", ModelLimits.openAi(500, 200_000)), null, null, null));
        UUID id = UUID.fromString(add(token, Map.of("provider", "OPENAI", "label", "Quota", "key", key,
                "probing", true, "pollIntervalSeconds", 30), 201).get("id").asString());
        awaitSnapshot(id, SnapshotSource.PROBE);

        simulator.fault(key, Fault.of(FaultType.INSUFFICIENT_QUOTA));
        pollNow(id);
        await().untilAsserted(() -> assertThat(json.readTree(get(token, "/api/api-keys/" + id).body())
                .get("lastError").asString()).contains("out of quota (insufficient_quota)"));
        assertThat(json.readTree(get(token, "/api/api-keys/" + id).body()).get("status").asString())
                .isEqualTo("PROVIDER_ERROR");

        simulator.fault(key, Fault.of(FaultType.SERVER_ERROR));
        pollNow(id);
        await().untilAsserted(() -> assertThat(json.readTree(get(token, "/api/api-keys/" + id).body())
                .get("lastError").asString()).startsWith("HTTP 500"));
    }

    @Test
    void an_observation_of_the_customers_own_traffic_becomes_a_passive_snapshot() throws Exception {
        String token = signIn();
        String key = "sk-proj-observed" + UUID.randomUUID().toString().replace("-", "");
        simulator.addKey(new KeySpec(io.quotah.dev.simulator.scenario.Provider.OPENAI, key, null, null, null, null,
                null, null, Map.of("gpt-5-nano", ModelLimits.openAi(500, 200_000)), null, null, null));
        UUID id = UUID.fromString(add(token, Map.of("provider", "OPENAI", "label", "Observed", "key", key), 201)
                .get("id").asString());

        HttpResponse<String> accepted = post(token, "/api/api-keys/" + id + "/observations", Map.of(
                "model", "gpt-4o-mini",
                "headers", Map.of("X-RateLimit-Limit-Tokens", "50000", "x-ratelimit-remaining-tokens", "47949",
                        "x-ratelimit-reset-tokens", "6m0s", "x-ratelimit-remaining-requests", "not a number")));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).get("unreadableHeaders").asInt()).isEqualTo(1);
        RateLimitSnapshot passive = awaitSnapshot(id, SnapshotSource.PASSIVE);
        assertThat(passive.model()).isEqualTo("gpt-4o-mini");
        assertThat(window(passive, WindowKind.TOKENS)).satisfies(tokens -> {
            assertThat(tokens.limit()).isEqualTo(50_000);
            assertThat(tokens.remaining()).isEqualTo(47_949);
        });
        assertThat(window(passive, WindowKind.REQUESTS).remaining()).as("garbage is unknown, not zero").isNull();

        HttpResponse<String> nothing = post(token, "/api/api-keys/" + id + "/observations",
                Map.of("headers", Map.of("content-type", "application/json")));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("\"field\":\"headers\"");
        assertThat(post(signIn(), "/api/api-keys/" + id + "/observations",
                Map.of("headers", Map.of("x-ratelimit-limit-tokens", "1"))).statusCode())
                .as("another workspace's key").isEqualTo(404);
    }

    @Test
    void the_official_anthropic_sdks_response_headers_posted_as_an_observation_become_the_live_headroom()
            throws Exception {
        String token = signIn();
        String key = "sk-ant-api03-sdk-" + UUID.randomUUID();
        simulator.addKey(anthropicKey(key, null));
        UUID id = UUID.fromString(add(token, Map.of("provider", "ANTHROPIC", "label", "SDK", "key", key), 201)
                .get("id").asString());
        com.anthropic.client.AnthropicClient client = com.anthropic.client.okhttp.AnthropicOkHttpClient.builder()
                .apiKey(key).baseUrl(simulator.anthropicBaseUrl()).maxRetries(0).build();
        Map<String, String> headers = new java.util.TreeMap<>();
        try (var raw = client.messages().withRawResponse().create(com.anthropic.models.messages.MessageCreateParams
                .builder().model("claude-haiku-4-5").maxTokens(500).addUserMessage("x".repeat(8_000)).build())) {
            raw.headers().names().forEach(name -> headers.put(name, String.join(", ", raw.headers().values(name))));
        } finally {
            client.close();
        }

        HttpResponse<String> accepted = post(token, "/api/api-keys/" + id + "/observations",
                Map.of("model", "claude-haiku-4-5", "headers", headers));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        RateLimitSnapshot passive = awaitSnapshot(id, SnapshotSource.PASSIVE);
        RateLimitWindow input = window(passive, WindowKind.INPUT_TOKENS);
        assertThat(input.limit()).isEqualTo(50_000);
        assertThat(input.remaining()).as("the SDK call's ~2,000 input tokens, rounded to thousands")
                .isEqualTo(Long.parseLong(headers.get("Anthropic-ratelimit-input-tokens-remaining")))
                .isLessThan(50_000);
        assertThat(window(passive, WindowKind.OUTPUT_TOKENS).remaining()).isEqualTo(9_500);
        assertThat(window(passive, WindowKind.REQUESTS).remaining()).isEqualTo(49);
    }

    @Test
    void changes_and_removal_and_a_deleted_account_takes_its_keys() throws Exception {
        String token = signIn();
        UUID id = UUID.fromString(add(token, Map.of("provider", "OPENAI", "label", "Temp", "key", OPENAI_KEY), 201)
                .get("id").asString());
        HttpResponse<String> patched = send(token, "PATCH", "/api/api-keys/" + id,
                Map.of("label", "Renamed", "pollIntervalSeconds", 300, "probing", false));
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json.readTree(patched.body()).get("label").asString()).isEqualTo("Renamed");
        assertThat(json.readTree(patched.body()).get("pollIntervalSeconds").asInt()).isEqualTo(300);
        assertThat(send(signIn(), "DELETE", "/api/api-keys/" + id, null).statusCode()).as("not theirs").isEqualTo(404);
        assertThat(send(token, "DELETE", "/api/api-keys/" + id, null).statusCode()).isEqualTo(204);
        assertThat(get(token, "/api/api-keys/" + id).statusCode()).isEqualTo(404);

        add(token, Map.of("provider", "OPENAI", "label", "Kept until the account goes", "key", OPENAI_KEY), 201);
        String workspace = subject(token);
        events.publish(UserDeleted.of(workspace, workspace));
        await().until(() -> jdbc.sql("SELECT count(*) FROM provider_connection WHERE workspace_id = :w")
                .param("w", workspace).query(Long.class).single() == 0);
    }

    @Test
    void the_account_deletions_it_reads_and_their_dead_letter_topic_are_declared() {
        assertThat(kafkaAdmin.describeTopics(Topics.USERS, Topics.deadLetterOf(Topics.USERS)))
                .containsOnlyKeys(Topics.USERS, Topics.deadLetterOf(Topics.USERS));
    }

    private static KeySpec anthropicKey(String key, String adminKey) {
        return new KeySpec(io.quotah.dev.simulator.scenario.Provider.ANTHROPIC, key, adminKey, null, null, null, null,
                null, Map.of("haiku", ModelLimits.anthropic(50, 50_000, 10_000)), null, null, null);
    }

    private String signIn() {
        String email = users.create(PASSWORD);
        return users.accessToken(email, PASSWORD);
    }

    private String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return json.readTree(payload).get("sub").asString();
    }

    private void pollNow(UUID id) {
        jdbc.sql("UPDATE provider_connection SET next_poll_at = now() - interval '1 second' WHERE id = :id")
                .param("id", id).update();
    }

    private Instant nextPollAt(UUID id) {
        return jdbc.sql("SELECT next_poll_at FROM provider_connection WHERE id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private JsonNode awaitStatus(String token, UUID id, String status) {
        List<JsonNode> seen = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode key = json.readTree(get(token, "/api/api-keys/" + id).body());
            assertThat(key.get("status").asString()).isEqualTo(status);
            seen.add(key);
        });
        return seen.getLast();
    }

    private RateLimitSnapshot awaitSnapshot(UUID connectionId, SnapshotSource source) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> published().stream()
                .filter(RateLimitSnapshot.class::isInstance).map(RateLimitSnapshot.class::cast)
                .filter(snapshot -> snapshot.connectionId().equals(connectionId) && snapshot.source() == source)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static RateLimitWindow window(RateLimitSnapshot snapshot, WindowKind kind) {
        return snapshot.windows().stream().filter(window -> window.kind() == kind).findFirst().orElseThrow();
    }

    private long simulatorCalls() {
        return simulator.requestsServed();
    }

    private JsonNode add(String token, Map<String, Object> body, int expectedStatus) throws Exception {
        HttpResponse<String> response = post(token, "/api/api-keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String token, String path, Object body) throws Exception {
        return send(token, "POST", path, body);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send(token, "GET", path, null);
    }

    private HttpResponse<String> send(String token, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything published so far, in the order it was read. */
    private static List<QuotahEvent> published() {
        return published.of(QuotahEvent.class, event -> true);
    }
}
