package io.quotah.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules and history APIs over HTTP with real Keycloak tokens: what a caller may do, and see, and not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructureWithKeycloak
class AlertApiIT {

    private static final String PASSWORD = "correct horse battery";
    private static KeycloakUsers users;
    private static String alice;
    private static String bob;

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JwtDecoder jwtDecoder;
    @Autowired
    EventPublisher publisher;

    @BeforeAll
    static void signUp() {
        users = new KeycloakUsers(Infrastructure.keycloak());
        alice = users.create(PASSWORD);
        bob = users.create(PASSWORD);
    }

    @Test
    void a_rule_is_made_with_its_defaults_and_a_webhook_secret_shown_once() {
        String token = users.accessToken(alice, PASSWORD);

        HttpResponse<String> made = send(token, "POST", "/api/alerts/configs", """
                {"name": "Any key past 80 %", "kind": "RATE_LIMIT", "thresholdPercent": 80,
                 "channels": [{"type": "EMAIL", "target": "Ops@Example.com"},
                              {"type": "WEBHOOK", "target": "https://hooks.example.com/quotah"}]}""");

        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode rule = json.readTree(made.body());
        assertThat(made.headers().firstValue("Location")).hasValue("/api/alerts/configs/" + rule.get("id").asString());
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        assertThat(rule.get("thresholdPercent").asString()).isEqualTo("80");
        assertThat(rule.get("criticalPercent").asString()).isEqualTo("95");
        assertThat(rule.get("cooldownMinutes").asInt()).isEqualTo(60);
        assertThat(rule.get("channels").get(0).get("target").asString()).isEqualTo("ops@example.com");
        String secret = rule.get("channels").get(1).get("signingSecret").asString();
        assertThat(secret).startsWith("whsec_").hasSize(49);
        assertThat(rule.get("channels").get(1).get("secretHint").asString())
                .isEqualTo("whsec_…" + secret.substring(secret.length() - 4));

        JsonNode again = json.readTree(send(token, "GET", "/api/alerts/configs/" + rule.get("id").asString(), null).body());
        assertThat(again.get("channels").get(1).has("signingSecret")).isFalse();
        assertThat(again.get("channels").get(1).get("secretHint").asString()).endsWith(secret.substring(45));
    }

    @Test
    void wrong_input_is_a_400_naming_each_field() {
        String token = users.accessToken(alice, PASSWORD);

        HttpResponse<String> wrong = send(token, "POST", "/api/alerts/configs", """
                {"name": "", "kind": "BUDGET", "budgetAmount": "-5", "budgetThresholds": [50, 50],
                 "thresholdPercent": 80, "channels": [{"type": "SLACK", "target": "http://hooks.slack.com/x"}],
                 "cooldownMinutes": 0}""");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(wrong.body()).get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("name", "budgetAmount", "budgetThresholds", "thresholdPercent",
                        "channels[0].target", "cooldownMinutes");
        assertThat(send(token, "POST", "/api/alerts/configs", """
                {"name": "x", "kind": "RATE_LIMIT", "thresholdPercent": 101, "channels": []}""").statusCode())
                .isEqualTo(400);
        assertThat(json.readTree(send(token, "POST", "/api/alerts/configs", """
                {"name": "x", "kind": "NOT_A_KIND"}""").body()).get("errors").get(0).get("field").asString())
                .isEqualTo("kind");
    }

    @Test
    void a_rule_is_changed_in_part_or_whole_and_another_workspace_cannot_see_or_touch_it() {
        String aliceToken = users.accessToken(alice, PASSWORD);
        String bobToken = users.accessToken(bob, PASSWORD);
        String id = json.readTree(send(aliceToken, "POST", "/api/alerts/configs", """
                {"name": "Budget", "kind": "BUDGET", "budgetAmount": "500.00", "budgetThresholds": [100, 50, 80],
                 "channels": [{"type": "EMAIL", "target": "lead@example.com"}]}""").body()).get("id").asString();
        String path = "/api/alerts/configs/" + id;

        JsonNode disabled = json.readTree(send(aliceToken, "PATCH", path, "{\"enabled\": false}").body());
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("budgetAmount").asString()).isEqualTo("500");
        assertThat(disabled.get("budgetThresholds").valueStream().map(JsonNode::asInt)).containsExactly(50, 80, 100);
        JsonNode replaced = json.readTree(send(aliceToken, "PUT", path, """
                {"name": "Daily OpenAI", "budgetAmount": "20.5", "budgetPeriod": "DAY", "provider": "OPENAI",
                 "channels": [{"type": "DISCORD", "target": "https://discord.com/api/webhooks/1/abc"}]}""").body());
        assertThat(replaced.get("budgetPeriod").asString()).isEqualTo("DAY");
        assertThat(replaced.get("provider").asString()).isEqualTo("OPENAI");
        assertThat(replaced.get("enabled").asBoolean()).isTrue();
        assertThat(send(aliceToken, "PATCH", path, "{\"kind\": \"RATE_LIMIT\"}").statusCode()).isEqualTo(400);
        assertThat(json.readTree(send(aliceToken, "PATCH", path, "{\"budgetAmount\": \"0.000001\"}").body())
                .get("budgetAmount").asString()).isEqualTo("0.000001");

        assertThat(send(bobToken, "GET", path, null).statusCode()).isEqualTo(404);
        assertThat(send(bobToken, "PATCH", path, "{\"enabled\": true}").statusCode()).isEqualTo(404);
        assertThat(send(bobToken, "POST", path + "/test", null).statusCode()).isEqualTo(404);
        assertThat(send(bobToken, "DELETE", path, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send(bobToken, "GET", "/api/alerts/configs", null).body()).valueStream()
                .map(rule -> rule.get("id").asString())).doesNotContain(id);

        assertThat(send(aliceToken, "POST", path + "/test", null).statusCode()).isEqualTo(202);
        assertThat(send(aliceToken, "DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(send(aliceToken, "GET", path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void raised_alerts_are_listed_filtered_counted_and_acknowledged_by_their_own_workspace_only() {
        String aliceToken = users.accessToken(alice, PASSWORD);
        String bobToken = users.accessToken(bob, PASSWORD);
        String workspace = jwtDecoder.decode(aliceToken).getSubject();
        send(aliceToken, "POST", "/api/alerts/configs", """
                {"name": "Hot", "kind": "RATE_LIMIT", "thresholdPercent": 50,
                 "channels": [{"type": "EMAIL", "target": "lead@example.com"}]}""");
        long before = count(aliceToken);
        UUID key = UUID.randomUUID();

        publisher.publish(RateLimitSnapshot.captured(workspace, key, Provider.OPENAI, "gpt-4o-mini", Instant.now(),
                SnapshotSource.PASSIVE, List.of(new RateLimitWindow(WindowKind.REQUESTS, 100L, 3L,
                        Instant.now().plusSeconds(30))), null)).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(aliceToken) == before + 1);
        JsonNode page = json.readTree(send(aliceToken, "GET", "/api/alerts?severity=critical&acknowledged=false&size=5",
                null).body());
        JsonNode alert = page.get("items").get(0);
        assertThat(alert.get("connectionId").asString()).isEqualTo(key.toString());
        assertThat(alert.get("observed").asString()).isEqualTo("97");
        assertThat(alert.get("state").asString()).isEqualTo("RAISED");
        assertThat(page.get("size").asInt()).isEqualTo(5);
        String alertPath = "/api/alerts/" + alert.get("id").asString() + "/acknowledge";

        assertThat(json.readTree(send(aliceToken, "GET", "/api/alerts/" + alert.get("id").asString(), null).body())
                .get("summary").asString()).isEqualTo(alert.get("summary").asString());
        assertThat(send(bobToken, "GET", "/api/alerts/" + alert.get("id").asString(), null).statusCode()).isEqualTo(404);
        assertThat(send(bobToken, "POST", alertPath, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send(bobToken, "GET", "/api/alerts", null).body()).get("totalItems").asLong()).isZero();
        JsonNode acknowledged = json.readTree(send(aliceToken, "POST", alertPath, null).body());
        assertThat(acknowledged.get("acknowledgedAt").isNull()).isFalse();
        assertThat(count(aliceToken)).isEqualTo(before);
        assertThat(json.readTree(send(aliceToken, "POST", "/api/alerts/acknowledge-all", null).body())
                .get("acknowledged").asInt()).isZero();
        assertThat(send(aliceToken, "GET", "/api/alerts?state=SLEEPING", null).statusCode()).isEqualTo(400);
        assertThat(send(aliceToken, "GET", "/api/alerts?size=1000", null).statusCode()).isEqualTo(400);
    }

    @Test
    void a_body_over_a_megabyte_is_refused_before_it_is_read() {
        String token = users.accessToken(alice, PASSWORD);
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";

        HttpResponse<String> refused = send(token, "POST", "/api/alerts/configs", huge);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void no_token_no_rules() {
        HttpResponse<String> anonymous = send(null, "GET", "/api/alerts/configs", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private long count(String token) {
        return json.readTree(send(token, "GET", "/api/alerts/unacknowledged-count", null).body()).get("count").asLong();
    }

    private HttpResponse<String> send(String token, String method, String path, String body) {
        return ApiCalls.toPort(port).send(method, path, token, body);
    }
}
