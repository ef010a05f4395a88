package io.quotah.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unified headroom and its history, end to end: snapshots and connection changes through a real Kafka into
 * PostgreSQL and Redis, read back over HTTP with real Keycloak tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructureWithKeycloak
class HeadroomIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KeycloakUsers users;
    private static String alice;
    private static String bob;

    private final Set<String> workspacesUsed = ConcurrentHashMap.newKeySet();
    private final ApiCalls calls = ApiCalls.withoutBase();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JwtDecoder jwtDecoder;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void signUp() {
        users = new KeycloakUsers(Infrastructure.keycloak());
        alice = users.create(PASSWORD);
        bob = users.create(PASSWORD);
    }

    /** Redis is shared with other test runs: leave nothing behind. */
    @AfterEach
    void forgetLiveState() {
        workspacesUsed.forEach(workspace -> redis.del(headroomKey(workspace)));
    }

    @Test
    void each_caller_sees_only_its_own_keys_with_a_status_by_used_share_and_unknown_for_unknown_numbers() {
        Caller a = caller(alice);
        Caller b = caller(bob);
        UUID aliceKey = UUID.randomUUID();
        UUID bobKey = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(snapshot(a.workspace, aliceKey, "claude-sonnet-5", now, List.of(
                window(WindowKind.OUTPUT_TOKENS, null, null),
                window(WindowKind.INPUT_TOKENS, 1000L, 100L),
                window(WindowKind.TOKENS, 1000L, 300L),
                window(WindowKind.REQUESTS, 1000L, 301L))));
        publish(snapshot(b.workspace, bobKey, null, now, List.of(window(WindowKind.REQUESTS, 50L, 50L))));

        JsonNode limits = awaitLimits(a, aliceKey, "claude-sonnet-5");
        assertThat(texts(limits.get("windows"), "kind")).containsExactly("REQUESTS", "TOKENS", "INPUT_TOKENS",
                "OUTPUT_TOKENS");
        assertThat(texts(limits.get("windows"), "status")).containsExactly("healthy", "warning", "critical",
                "unknown");
        assertThat(texts(limits.get("windows"), "usedPercent")).containsExactly("69.9", "70.0", "90.0", "null");
        JsonNode unknown = limits.get("windows").get(3);
        assertThat(unknown.get("limit").isNull()).isTrue();
        assertThat(unknown.get("remaining").isNull()).isTrue();
        assertThat(limits.get("source").asString()).isEqualTo("PROBE");
        assertThat(Instant.parse(limits.get("capturedAt").asString())).isEqualTo(now);
        assertThat(limits.get("stale").asBoolean()).isFalse();
        assertThat(limits.get("retryAfterSeconds").asLong()).isBetween(1L, 30L);

        JsonNode aliceView = a.rateLimits();
        assertThat(aliceView.get("generatedAt").asString()).endsWith("Z");
        assertThat(keyIds(aliceView)).contains(aliceKey.toString()).doesNotContain(bobKey.toString());
        JsonNode aliceKeyNode = key(aliceView, aliceKey).orElseThrow();
        assertThat(aliceKeyNode.get("provider").asString()).isEqualTo("ANTHROPIC");
        assertThat(aliceKeyNode.get("label").isNull()).isTrue();
        assertThat(aliceKeyNode.get("maskedKey").isNull()).isTrue();
        awaitLimits(b, bobKey, null);
        assertThat(keyIds(b.rateLimits())).doesNotContain(aliceKey.toString());
    }

    @Test
    void limits_older_than_the_threshold_are_stale_and_a_draining_window_says_when_it_runs_out() {
        Caller a = caller(alice);
        UUID quiet = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(snapshot(a.workspace, quiet, null, now.minusSeconds(600), List.of(window(WindowKind.TOKENS, 100L, 90L))));
        for (int step = 0; step < 3; step++) {
            // 100 tokens a minute gone, then 300 left at the newest: 3 more minutes; requests stay flat.
            publish(snapshot(a.workspace, busy, "gpt-5", now.minusSeconds(120 - 60L * step), List.of(
                    window(WindowKind.REQUESTS, 500L, 400L),
                    window(WindowKind.TOKENS, 1000L, 500L - 100L * step))));
        }

        JsonNode stale = awaitLimits(a, quiet, null);
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("ageSeconds").asLong()).isGreaterThanOrEqualTo(600);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(limitsOf(a.rateLimits(), busy, "gpt-5"))
                .hasValueSatisfying(limits -> assertThat(limits.get("windows").get(1).get("remaining").asLong())
                        .isEqualTo(300)));
        JsonNode busyLimits = limitsOf(a.rateLimits(), busy, "gpt-5").orElseThrow();
        JsonNode requests = busyLimits.get("windows").get(0);
        JsonNode tokens = busyLimits.get("windows").get(1);
        assertThat(requests.get("exhaustsAt").isNull()).isTrue();
        assertThat(requests.get("secondsToExhaustion").isNull()).isTrue();
        assertThat(Instant.parse(tokens.get("exhaustsAt").asString())).isEqualTo(now.plusSeconds(180));
        assertThat(tokens.get("secondsToExhaustion").asLong()).isBetween(150L, 180L);
        assertThat(stale.get("windows").get(0).get("exhaustsAt").isNull()).isTrue();
    }

    @Test
    void an_older_snapshot_delivered_late_does_not_regress_the_state() {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(snapshot(a.workspace, key, null, now, List.of(window(WindowKind.TOKENS, 1000L, 500L))));
        awaitLimits(a, key, null);
        publish(snapshot(a.workspace, key, null, now.minusSeconds(30), List.of(window(WindowKind.TOKENS, 1000L, 900L))));
        // The same workspace keeps its order: once this one shows, the late one has been handled.
        publish(snapshot(a.workspace, key, "after", now, List.of(window(WindowKind.TOKENS, 1000L, 1L))));
        awaitLimits(a, key, "after");

        JsonNode limits = limitsOf(a.rateLimits(), key, null).orElseThrow();
        assertThat(Instant.parse(limits.get("capturedAt").asString())).isEqualTo(now);
        assertThat(limits.get("windows").get(0).get("remaining").asLong()).isEqualTo(500);
        // The late sample still counts for the burn rate: 400 in 30 s is draining.
        assertThat(limits.get("windows").get(0).get("exhaustsAt").isNull()).isFalse();
    }

    @Test
    void a_workspace_that_redis_lost_is_rebuilt_from_postgresql_on_the_next_read() {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(connectionChanged(a.workspace, key, "rebuild me", "sk-…9999", Change.ADDED, now.minusSeconds(300)));
        for (int step = 0; step < 3; step++) {
            publish(snapshot(a.workspace, key, null, now.minusSeconds(60 - 30L * step), List.of(
                    window(WindowKind.REQUESTS, 100L, 90L - 10L * step))));
        }
        // the key shows as soon as its ConnectionChanged is read, its limits once the snapshots are: wait for both
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode k = key(a.rateLimits(), key).orElseThrow(() -> new AssertionError("the key is not shown yet"));
            assertThat(k.get("label").asString()).isEqualTo("rebuild me");
            assertThat(k.get("limits").size()).as("limits shown").isPositive();
            assertThat(k.get("limits").get(0).get("windows").get(0).get("remaining").asLong()).isEqualTo(70);
        });
        JsonNode before = key(a.rateLimits(), key).orElseThrow();

        redis.del(headroomKey(a.workspace));
        JsonNode after = key(a.rateLimits(), key).orElseThrow();

        assertThat(redis.hexists(headroomKey(a.workspace), "#built")).isTrue();
        assertThat(after.get("label").asString()).isEqualTo("rebuild me");
        assertThat(after.get("maskedKey").asString()).isEqualTo("sk-…9999");
        JsonNode window = after.get("limits").get(0).get("windows").get(0);
        JsonNode windowBefore = before.get("limits").get(0).get("windows").get(0);
        assertThat(after.get("limits").get(0).get("capturedAt")).isEqualTo(before.get("limits").get(0).get("capturedAt"));
        assertThat(window.get("remaining").asLong()).isEqualTo(70);
        assertThat(window.get("status")).isEqualTo(windowBefore.get("status"));
        // The recent samples came back too: the same forecast.
        assertThat(window.get("exhaustsAt").isNull()).isFalse();
        assertThat(window.get("exhaustsAt")).isEqualTo(windowBefore.get("exhaustsAt"));
    }

    @Test
    void a_connection_change_names_the_key_and_its_removal_drops_it_for_good() {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(connectionChanged(a.workspace, key, "prod", "sk-ant-…abcd", Change.ADDED, now.minusSeconds(10)));
        publish(snapshot(a.workspace, key, null, now, List.of(window(WindowKind.REQUESTS, 50L, 49L))));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(key(a.rateLimits(), key)).hasValueSatisfying(k -> {
            assertThat(k.get("label").asString()).isEqualTo("prod");
            assertThat(k.get("maskedKey").asString()).isEqualTo("sk-ant-…abcd");
            assertThat(k.get("limits")).hasSize(1);
        }));

        publish(connectionChanged(a.workspace, key, null, null, Change.REMOVED, now));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(key(a.rateLimits(), key)).isEmpty());

        // A snapshot taken before the removal but delivered after it does not bring the key back...
        publish(snapshot(a.workspace, key, null, now.plusSeconds(1), List.of(window(WindowKind.REQUESTS, 50L, 48L))));
        UUID marker = UUID.randomUUID();
        publish(snapshot(a.workspace, marker, null, now, List.of(window(WindowKind.REQUESTS, 50L, 48L))));
        awaitLimits(a, marker, null);
        assertThat(key(a.rateLimits(), key)).isEmpty();
        // ...nor does a rebuild.
        redis.del(headroomKey(a.workspace));
        assertThat(key(a.rateLimits(), key)).isEmpty();
    }

    @Test
    void a_deleted_account_takes_its_live_headroom_and_history_with_it() {
        String email = users.create(PASSWORD);
        Caller doomed = caller(email);
        UUID key = UUID.randomUUID();
        publish(snapshot(doomed.workspace, key, null, Instant.now(), List.of(window(WindowKind.REQUESTS, 50L, 1L))));
        awaitLimits(doomed, key, null);

        publish(UserDeleted.of(doomed.workspace, doomed.workspace));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(redis.exists(headroomKey(doomed.workspace))).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_window_5m WHERE workspace_id = ?")
                    .param(doomed.workspace).query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_snapshot WHERE workspace_id = ?")
                    .param(doomed.workspace).query(Integer.class).single()).isZero();
        });
    }

    @Test
    void history_answers_raw_points_of_the_callers_key_in_the_range_and_kind_asked() throws Exception {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant twoHoursAgo = now.minus(Duration.ofHours(2));
        Instant oneHourAgo = now.minus(Duration.ofHours(1));
        publish(snapshot(a.workspace, key, "m", twoHoursAgo, List.of(window(WindowKind.TOKENS, 1000L, 100L),
                window(WindowKind.REQUESTS, 10L, null))));
        publish(snapshot(a.workspace, key, "m", oneHourAgo, List.of(window(WindowKind.TOKENS, 1000L, 400L),
                window(WindowKind.REQUESTS, 10L, 5L))));
        awaitLimits(a, key, "m");

        JsonNode all = a.json("/api/multi/rate-limits/" + key + "/history");
        assertThat(all.get("keyId").asString()).isEqualTo(key.toString());
        assertThat(all.get("resolution").asString()).isEqualTo("raw");
        assertThat(Duration.between(Instant.parse(all.get("from").asString()), Instant.parse(all.get("to").asString())))
                .isEqualTo(Duration.ofHours(24));
        assertThat(texts(all.get("points"), "kind")).containsExactly("REQUESTS", "TOKENS", "REQUESTS", "TOKENS");
        JsonNode first = all.get("points").get(0);
        assertThat(Instant.parse(first.get("capturedAt").asString())).isEqualTo(twoHoursAgo);
        assertThat(first.get("model").asString()).isEqualTo("m");
        assertThat(first.get("remaining").isNull()).isTrue();
        assertThat(first.get("usedPercent").isNull()).isTrue();
        assertThat(all.get("points").get(1).get("usedPercent").asString()).isEqualTo("90.0");

        JsonNode tokensInLastHour = a.json("/api/multi/rate-limits/" + key + "/history?kind=TOKENS&from="
                + now.minus(Duration.ofMinutes(90)) + "&to=" + now);
        assertThat(texts(tokensInLastHour.get("points"), "remaining")).containsExactly("400");
        assertThat(texts(tokensInLastHour.get("points"), "limit")).containsExactly("1000");
    }

    @Test
    void history_older_than_the_raw_retention_comes_from_5_minute_buckets_showing_their_lowest_remaining()
            throws Exception {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant bucket = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        publish(snapshot(a.workspace, key, null, bucket.plusSeconds(10), List.of(window(WindowKind.TOKENS, 1000L, 600L))));
        publish(snapshot(a.workspace, key, null, bucket.plusSeconds(70), List.of(window(WindowKind.TOKENS, 1000L, 200L))));
        publish(snapshot(a.workspace, key, null, bucket.plusSeconds(130), List.of(window(WindowKind.TOKENS, 1000L, 700L))));
        publish(snapshot(a.workspace, key, null, bucket.plusSeconds(310), List.of(window(WindowKind.TOKENS, 1000L, 900L))));

        String path = "/api/multi/rate-limits/" + key + "/history?from=" + bucket.minus(Duration.ofDays(1)) + "&to="
                + bucket.plus(Duration.ofDays(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(a.json(path).get("points")).hasSize(2));
        JsonNode history = a.json(path);
        assertThat(history.get("resolution").asString()).isEqualTo("5m");
        assertThat(texts(history.get("points"), "capturedAt")).containsExactly(bucket.toString(),
                bucket.plusSeconds(300).toString());
        assertThat(texts(history.get("points"), "remaining")).containsExactly("200", "900");
        assertThat(texts(history.get("points"), "usedPercent")).containsExactly("80.0", "10.0");
    }

    @Test
    void history_rejects_a_bad_range_naming_the_field() throws Exception {
        Caller a = caller(alice);
        UUID key = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String base = "/api/multi/rate-limits/" + key + "/history";

        assertProblem(a.get(base + "?from=yesterday"), 400, "from");
        assertProblem(a.get(base + "?to=2026-01-01"), 400, "to");
        assertProblem(a.get(base + "?from=" + now + "&to=" + now.minusSeconds(1)), 400, "from");
        assertProblem(a.get(base + "?from=" + now.minus(Duration.ofDays(32)) + "&to=" + now), 400, "from");
        assertProblem(a.get(base + "?kind=tokens"), 400, "kind");
        assertProblem(a.get("/api/multi/rate-limits/not-a-key/history"), 400, "keyId");
    }

    @Test
    void history_of_another_workspaces_key_or_of_no_key_is_404_and_no_token_is_401() throws Exception {
        Caller a = caller(alice);
        Caller b = caller(bob);
        UUID aliceKey = UUID.randomUUID();
        publish(snapshot(a.workspace, aliceKey, null, Instant.now(), List.of(window(WindowKind.TOKENS, 10L, 9L))));
        awaitLimits(a, aliceKey, null);

        assertThat(a.get("/api/multi/rate-limits/" + aliceKey + "/history").statusCode()).isEqualTo(200);
        assertProblem(b.get("/api/multi/rate-limits/" + aliceKey + "/history"), 404, null);
        assertProblem(a.get("/api/multi/rate-limits/" + UUID.randomUUID() + "/history"), 404, null);
        assertThat(send(HttpRequest.newBuilder(uri("/api/multi/rate-limits")).build()).statusCode()).isEqualTo(401);
    }

    @Test
    void publishes_both_endpoints_in_its_api_document() throws Exception {
        HttpResponse<String> docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).build());

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/multi/rate-limits")).isTrue();
        assertThat(paths.has("/api/multi/rate-limits/{keyId}/history")).isTrue();
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
        }
    }

    private JsonNode awaitLimits(Caller caller, UUID key, String model) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(limitsOf(caller.rateLimits(), key, model)).isPresent());
        return limitsOf(caller.rateLimits(), key, model).orElseThrow();
    }

    private static Optional<JsonNode> key(JsonNode view, UUID keyId) {
        return StreamSupport.stream(view.get("keys").spliterator(), false)
                .filter(key -> key.get("keyId").asString().equals(keyId.toString()))
                .findFirst();
    }

    private static Optional<JsonNode> limitsOf(JsonNode view, UUID keyId, String model) {
        return key(view, keyId).flatMap(key -> StreamSupport.stream(key.get("limits").spliterator(), false)
                .filter(limits -> model == null ? limits.get("model").isNull()
                        : !limits.get("model").isNull() && model.equals(limits.get("model").asString()))
                .findFirst());
    }

    private static List<String> keyIds(JsonNode view) {
        return texts(view.get("keys"), "keyId");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).isNull() ? "null" : node.get(field).asString()));
        return texts;
    }

    private void publish(QuotahEvent event) {
        publisher.publish(event).join();
    }

    private static RateLimitSnapshot snapshot(String workspace, UUID connection, String model, Instant capturedAt,
            List<RateLimitWindow> windows) {
        return RateLimitSnapshot.captured(workspace, connection, model != null && model.startsWith("gpt")
                        ? Provider.OPENAI : Provider.ANTHROPIC, model, capturedAt, SnapshotSource.PROBE, windows,
                Duration.ofSeconds(30));
    }

    private static RateLimitWindow window(WindowKind kind, Long limit, Long remaining) {
        return new RateLimitWindow(kind, limit, remaining, Instant.now().plusSeconds(60));
    }

    private static ConnectionChanged connectionChanged(String workspace, UUID connection, String label,
            String maskedKey, Change change, Instant at) {
        return new ConnectionChanged(UUID.randomUUID(), workspace, at, ConnectionChanged.SCHEMA_VERSION, connection,
                Provider.ANTHROPIC, label, maskedKey, change, null);
    }

    private Caller caller(String email) {
        String token = users.accessToken(email, PASSWORD);
        String workspace = jwtDecoder.decode(token).getSubject();
        workspacesUsed.add(workspace);
        return new Caller(token, workspace);
    }

    /** The documented layout: one hash per workspace, the workspace a hash tag. */
    private static String headroomKey(String workspace) {
        return "quotah:headroom:{" + workspace + "}";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return calls.send(request);
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
            return HeadroomIT.this.json.readTree(response.body());
        }

        JsonNode rateLimits() {
            return json("/api/multi/rate-limits");
        }
    }
}
