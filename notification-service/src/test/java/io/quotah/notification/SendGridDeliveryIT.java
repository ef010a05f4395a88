package io.quotah.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.notification.FakeReceiver.Answer;
import io.quotah.notification.delivery.AttemptResult;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.notification.delivery.DeliveryRecord;
import io.quotah.notification.delivery.DeliveryStatus;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email through SendGrid's v3 API, against a local fake of it: the request SendGrid expects, and how each of its
 * answers is handled (202 sent, 5xx and 429 retried, other 4xx not).
 */
@SpringBootTest(properties = {
        "quotah.notification.email.provider=sendgrid",
        "quotah.notification.email.sendgrid.api-key=SG.test-only-key",
        "quotah.notification.retry.initial-backoff=100ms", "quotah.notification.retry.max-backoff=400ms",
        "quotah.notification.retry.give-up-after=5s"})
@RealInfrastructure
@DirtiesContext
class SendGridDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MAIL_SEND = "/v3/mail/send";
    private static final FakeReceiver sendGrid = new FakeReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String workspace = "ws-" + UUID.randomUUID();

    @Autowired
    EventPublisher publisher;
    @Autowired
    DeliveryLog deliveries;

    @DynamicPropertySource
    static void sendGridIsTheFake(DynamicPropertyRegistry registry) {
        sendGrid.answerByDefault(202, "");
        registry.add("quotah.notification.email.sendgrid.base-url", sendGrid::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        sendGrid.close();
    }

    @Test
    void posts_the_json_sendgrids_v3_mail_send_expects() {
        String address = address();
        AlertRaised alert = SampleAlerts.budget(workspace, email(address)).build();

        publisher.publish(alert).join();

        FakeReceiver.Received request = await().atMost(PATIENCE).until(() -> requestsTo(address), r -> !r.isEmpty())
                .getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer SG.test-only-key")
                .containsEntry("Content-Type", "application/json");
        JsonNode body = JSON.readTree(request.body());
        String text = body.path("content").path(0).path("value").asString();
        String html = body.path("content").path(1).path("value").asString();
        String unsubscribe = body.path("headers").path("List-Unsubscribe").asString();
        assertThat(unsubscribe).matches("<http://localhost:8080/api/notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>");
        JsonNode expected = JSON.valueToTree(Map.of(
                "from", Map.of("email", "alerts@quotah.local", "name", "Quotah"),
                "subject", "[Quotah] CRITICAL: OpenAI spend this month is $412.50, past the $400.00 budget",
                "personalizations", List.of(Map.of("to", List.of(Map.of("email", address)))),
                "content", List.of(Map.of("type", "text/plain", "value", text), Map.of("type", "text/html", "value", html)),
                "headers", Map.of("List-Unsubscribe", unsubscribe,
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                        "Auto-Submitted", "auto-generated")));
        assertThat(body).isEqualTo(expected);
        assertThat(text).contains("Rule: Monthly budget", "Provider: OpenAI", "Budget period: 2026-12",
                "Observed: $412.50", "Threshold: $400.00", unsubscribe.substring(1, unsubscribe.length() - 1));
        assertThat(html).contains("Monthly budget", "$412.50", "$400.00");
    }

    @Test
    void a_500_then_a_202_delivers_exactly_once_and_records_both_attempts() {
        String address = address();
        scriptFor(address, Answer.of(500, "{\"errors\":[{\"message\":\"internal error\"}]}"), Answer.of(202));
        AlertRaised alert = SampleAlerts.budget(workspace, email(address)).build();

        publisher.publish(alert).join();

        DeliveryRecord delivery = awaitStatus(alert, DeliveryStatus.SENT);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.attemptLog()).extracting(DeliveryRecord.Attempt::result, DeliveryRecord.Attempt::error)
                .containsExactly(tuple(AttemptResult.TRANSIENT_ERROR, "HTTP 500: internal error"),
                        tuple(AttemptResult.SENT, null));
        assertThat(requestsTo(address)).hasSize(2);
    }

    @Test
    void a_400_is_not_retried() {
        String address = address();
        scriptFor(address, Answer.of(400, "{\"errors\":[{\"message\":\"The from address does not match a verified "
                + "Sender Identity.\",\"field\":\"from\"}]}"));
        AlertRaised alert = SampleAlerts.budget(workspace, email(address)).build();

        publisher.publish(alert).join();

        DeliveryRecord delivery = awaitStatus(alert, DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError())
                .isEqualTo("HTTP 400: The from address does not match a verified Sender Identity.");
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.attemptLog()).singleElement().extracting(DeliveryRecord.Attempt::result)
                .isEqualTo(AttemptResult.PERMANENT_ERROR);
        assertThat(requestsTo(address)).hasSize(1);
    }

    @Test
    void a_429_waits_at_least_as_long_as_its_retry_after() {
        String address = address();
        scriptFor(address, new Answer(429, Map.of("Retry-After", "2"), "{\"errors\":[{\"message\":\"too many\"}]}"),
                Answer.of(202));
        AlertRaised alert = SampleAlerts.budget(workspace, email(address)).build();

        publisher.publish(alert).join();

        DeliveryRecord delivery = awaitStatus(alert, DeliveryStatus.SENT);
        List<FakeReceiver.Received> requests = requestsTo(address);
        assertThat(requests).hasSize(2);
        // the back-off here is 100 ms: only the Retry-After explains a wait of two seconds
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(delivery.attemptLog().get(0).at(), delivery.attemptLog().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    /** Every mail goes to the same path: script the answers by recipient. */
    private static void scriptFor(String address, Answer... answers) {
        sendGrid.script(request -> request.path().equals(MAIL_SEND) && request.body().contains("\"" + address + "\""),
                answers);
    }

    private DeliveryRecord awaitStatus(AlertRaised alert, DeliveryStatus status) {
        return await().atMost(PATIENCE).until(() -> deliveries.deliveriesOf(workspace, alert.alertId()),
                found -> found.size() == 1 && found.getFirst().status() == status).getFirst();
    }

    private static List<FakeReceiver.Received> requestsTo(String address) {
        return sendGrid.received(MAIL_SEND).stream().filter(request -> request.body().contains("\"" + address + "\""))
                .toList();
    }

    private static Recipient email(String address) {
        return new Recipient(Channel.EMAIL, address);
    }

    private static String address() {
        return "ops-" + UUID.randomUUID() + "@example.com";
    }
}
