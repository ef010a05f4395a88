package io.quotah.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.notification.FakeReceiver.Answer;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.ForgedTokens;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakUsers;
import io.quotah.testkit.RealInfrastructureWithKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/notifications/deliveries?alertId=} with real Keycloak tokens: every delivery of the caller's
 * alert with every attempt, webhook URLs masked and secrets never shown, and nothing of another workspace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quotah.notification.retry.initial-backoff=100ms", "quotah.notification.retry.max-backoff=400ms",
        "quotah.notification.retry.give-up-after=5s"})
@RealInfrastructureWithKeycloak
@DirtiesContext
class DeliveriesApiIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SECRET = "whsec_" + "B".repeat(43);
    private static final FakeReceiver receiver = new FakeReceiver();
    private static KeycloakUsers users;

    private final ApiCalls calls = ApiCalls.withoutBase();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    JwtDecoder jwtDecoder;

    @BeforeAll
    static void keycloak() {
        users = new KeycloakUsers(Infrastructure.keycloak());
    }

    @AfterAll
    static void stopFake() {
        receiver.close();
    }

    @Test
    void answers_each_delivery_of_the_callers_alert_with_every_attempt_oldest_first_and_masks_webhook_urls() {
        Caller caller = caller();
        String path = "/hook/" + UUID.randomUUID();
        receiver.script(path, Answer.of(500, "oops"), Answer.of(200));
        AlertRaised alert = SampleAlerts.budget(caller.workspace,
                new Recipient(Channel.WEBHOOK, receiver.url(path), SECRET),
                new Recipient(Channel.EMAIL, "not an address")).build();

        publisher.publish(alert).join();

        JsonNode answer = await().atMost(PATIENCE).until(() -> caller.json("/api/notifications/deliveries?alertId="
                + alert.alertId()), list -> list.size() == 2 && list.path(0).path("status").asString().equals("SENT"));
        JsonNode webhook = answer.path(0);
        assertThat(List.copyOf(webhook.propertyNames())).containsExactly("id", "alertId", "state", "channel",
                "recipient", "status", "attempts", "lastError", "createdAt", "sentAt", "nextAttemptAt", "attemptLog");
        assertThat(webhook.path("alertId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(webhook.path("state").asString()).isEqualTo("RAISED");
        assertThat(webhook.path("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(webhook.path("recipient").asString()).isEqualTo("127.0.0.1/…");
        assertThat(webhook.path("attempts").asInt()).isEqualTo(2);
        assertThat(webhook.path("lastError").isNull()).isTrue();
        assertThat(webhook.path("sentAt").asString()).endsWith("Z");
        assertThat(webhook.path("nextAttemptAt").isNull()).isTrue();
        JsonNode attempts = webhook.path("attemptLog");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.path(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.path(0).path("result").asString()).isEqualTo("TRANSIENT_ERROR");
        assertThat(attempts.path(0).path("error").asString()).isEqualTo("HTTP 500: oops");
        assertThat(attempts.path(0).path("at").asString()).endsWith("Z");
        assertThat(attempts.path(1).path("result").asString()).isEqualTo("SENT");
        JsonNode email = answer.path(1);
        assertThat(email.path("recipient").asString()).isEqualTo("not an address");
        assertThat(email.path("status").asString()).isEqualTo("FAILED");
        assertThat(email.path("lastError").asString()).isEqualTo("not a valid email address");
        assertThat(email.path("attempts").asInt()).isEqualTo(1);
        assertThat(answer.toString()).doesNotContain("whsec_", path, "signingSecret");
    }

    @Test
    void another_workspaces_alert_answers_an_empty_list() {
        Caller caller = caller();
        String otherWorkspace = "ws-" + UUID.randomUUID();
        AlertRaised theirs = SampleAlerts.budget(otherWorkspace, new Recipient(Channel.EMAIL, "not an address")).build();
        publisher.publish(theirs).join();
        await().atMost(PATIENCE).until(() -> !deliveries.deliveriesOf(otherWorkspace, theirs.alertId()).isEmpty());

        JsonNode answer = caller.json("/api/notifications/deliveries?alertId=" + theirs.alertId());

        assertThat(answer.isArray()).isTrue();
        assertThat(answer.isEmpty()).isTrue();
    }

    @Test
    void a_missing_or_malformed_alert_id_is_a_400_problem_naming_the_field() {
        Caller caller = caller();

        for (String path : List.of("/api/notifications/deliveries", "/api/notifications/deliveries?alertId=42")) {
            HttpResponse<String> response = caller.get(path);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("alertId");
        }
    }

    @Test
    void the_deliveries_need_a_token_of_the_realm() {
        URI uri = uri("/api/notifications/deliveries?alertId=" + UUID.randomUUID());

        assertThat(send(HttpRequest.newBuilder(uri).build()).statusCode()).isEqualTo(401);
        String forged = ForgedTokens.signedByAnotherKey(Infrastructure.keycloak().issuer(), "someone");
        assertThat(send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + forged).build()).statusCode())
                .isEqualTo(401);
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
            return DeliveriesApiIT.this.json.readTree(response.body());
        }
    }
}
