package io.quotah.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.notification.FakeReceiver.Answer;
import io.quotah.notification.delivery.AttemptResult;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.notification.delivery.DeliveryRecord;
import io.quotah.notification.delivery.DeliveryStatus;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack, Discord and signed webhooks end to end, against local fakes of each: the bodies each expects, the
 * signature recomputed here, what is refused before any request, retries and the order of RAISED and RESOLVED.
 */
@SpringBootTest(properties = {
        "quotah.notification.retry.initial-backoff=100ms", "quotah.notification.retry.max-backoff=400ms",
        "quotah.notification.retry.give-up-after=5s"})
@RealInfrastructure
@DirtiesContext
class ChatAndWebhookDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SECRET = "whsec_" + "A".repeat(43);
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final FakeReceiver receiver = new FakeReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String workspace = "ws-" + UUID.randomUUID();

    @Autowired
    EventPublisher publisher;
    @Autowired
    DeliveryLog deliveries;

    @AfterAll
    static void stopFake() {
        receiver.close();
    }

    @Test
    void slack_gets_the_headline_and_an_attachment_colored_by_severity_with_the_facts_and_the_dashboard_link() {
        String path = "/slack/" + UUID.randomUUID();
        AlertRaised alert = SampleAlerts.budget(workspace, new Recipient(Channel.SLACK, receiver.url(path)))
                .rule(UUID.randomUUID(), "Budget <!channel> & co").build();

        publisher.publish(alert).join();

        JsonNode body = JSON.readTree(firstRequest(path).body());
        assertThat(body.path("text").asString())
                .isEqualTo("[Quotah] CRITICAL: OpenAI spend this month is $412.50, past the $400.00 budget");
        JsonNode attachment = body.path("attachments").path(0);
        assertThat(attachment.path("color").asString()).isEqualTo("#D92D20");
        JsonNode blocks = attachment.path("blocks");
        assertThat(blocks.path(0).path("text").path("text").asString())
                .startsWith("*CRITICAL: OpenAI spend this month is $412.50, past the $400.00 budget*")
                .contains("Budget &lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
        assertThat(texts(blocks.path(1).path("fields"), "text")).contains("*Provider*\nOpenAI",
                "*Budget period*\n2026-12", "*Observed*\n$412.50", "*Threshold*\n$400.00", "*Severity*\nCRITICAL");
        assertThat(blocks.path(2).path("elements").path(0).path("text").asString())
                .isEqualTo("<http://localhost:8080/alerts?alert=" + alert.alertId() + "|Open in Quotah>");
    }

    @Test
    void discord_gets_an_embed_with_an_integer_color_a_title_the_facts_as_fields_and_the_dashboard_url() {
        String path = "/discord/" + UUID.randomUUID();
        receiver.script(path, Answer.of(204));
        AlertRaised alert = SampleAlerts.rateLimit(workspace, new Recipient(Channel.DISCORD, receiver.url(path))).build();

        publisher.publish(alert).join();

        JsonNode body = JSON.readTree(firstRequest(path).body());
        assertThat(body.path("allowed_mentions").path("parse").isEmpty()).isTrue();
        JsonNode embed = body.path("embeds").path(0);
        assertThat(embed.path("color").isInt()).isTrue();
        assertThat(embed.path("color").asInt()).isEqualTo(0xF79009);
        assertThat(embed.path("title").asString()).isEqualTo("WARNING: Tokens nearly out");
        assertThat(embed.path("description").asString()).startsWith(alert.summary());
        assertThat(embed.path("url").asString()).isEqualTo("http://localhost:8080/alerts?alert=" + alert.alertId());
        assertThat(embed.path("fields")).anySatisfy(field -> {
            assertThat(field.path("name").asString()).isEqualTo("Observed");
            assertThat(field.path("value").asString()).isEqualTo("85.3 %");
        });
        assertThat(texts(embed.path("fields"), "value")).contains("Production (Anthropic)", "claude-sonnet-4-5",
                "Input tokens", "80 %", "2026-12-01 14:05 UTC");
        await().atMost(PATIENCE).until(() -> status(alert) == DeliveryStatus.SENT);
    }

    @Test
    void a_resolved_alert_is_green_in_slack_and_discord() {
        String slack = "/slack/" + UUID.randomUUID();
        String discord = "/discord/" + UUID.randomUUID();
        AlertRaised raised = SampleAlerts.rateLimit(workspace, new Recipient(Channel.SLACK, receiver.url(slack)),
                new Recipient(Channel.DISCORD, receiver.url(discord))).build();

        publisher.publish(SampleAlerts.resolved(raised)).join();

        assertThat(JSON.readTree(firstRequest(slack).body()).path("attachments").path(0).path("color").asString())
                .isEqualTo("#12B76A");
        JsonNode embed = JSON.readTree(firstRequest(discord).body()).path("embeds").path(0);
        assertThat(embed.path("color").asInt()).isEqualTo(0x12B76A);
        assertThat(embed.path("title").asString()).isEqualTo("Resolved: Tokens nearly out");
    }

    @Test
    void a_webhook_gets_every_field_of_the_alert_signed_with_its_secret_and_the_event_id() throws Exception {
        String path = "/hook/" + UUID.randomUUID();
        AlertRaised alert = SampleAlerts.rateLimit(workspace, new Recipient(Channel.WEBHOOK, receiver.url(path), SECRET))
                .test(true).build();
        long before = Instant.now().getEpochSecond();

        publisher.publish(alert).join();

        FakeReceiver.Received request = firstRequest(path);
        assertThat(request.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Quotah-Event-Id", alert.eventId().toString());
        Matcher signature = SIGNATURE.matcher(request.headers().get("Quotah-Signature"));
        assertThat(signature.matches()).as(request.headers().get("Quotah-Signature")).isTrue();
        long t = Long.parseLong(signature.group(1));
        assertThat(t).isBetween(before, Instant.now().getEpochSecond());
        assertThat(signature.group(2)).isEqualTo(hmacSha256Hex(SECRET, t + "." + request.body()));
        assertThat(signature.group(2)).isNotEqualTo(hmacSha256Hex("whsec_another", t + "." + request.body()));

        JsonNode body = JSON.readTree(request.body());
        assertThat(fieldNames(body)).containsExactly("alertId", "ruleId", "ruleName", "kind", "state", "severity",
                "connectionId", "provider", "connectionLabel", "model", "window", "observed", "threshold", "unit",
                "resetAt", "forecastAt", "reason", "summary", "test", "occurredAt", "dashboardUrl");
        assertThat(body.path("alertId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(body.path("ruleId").asString()).isEqualTo(alert.ruleId().toString());
        assertThat(body.path("ruleName").asString()).isEqualTo("Tokens nearly out");
        assertThat(body.path("kind").asString()).isEqualTo("RATE_LIMIT");
        assertThat(body.path("state").asString()).isEqualTo("RAISED");
        assertThat(body.path("severity").asString()).isEqualTo("WARNING");
        assertThat(body.path("connectionId").asString()).isEqualTo(alert.connectionId().toString());
        assertThat(body.path("provider").asString()).isEqualTo("ANTHROPIC");
        assertThat(body.path("connectionLabel").asString()).isEqualTo("Production");
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("window").asString()).isEqualTo("INPUT_TOKENS");
        assertThat(body.path("observed").isString()).isTrue();
        assertThat(body.path("observed").asString()).isEqualTo("85.30");
        assertThat(body.path("threshold").asString()).isEqualTo("80");
        assertThat(body.path("unit").asString()).isEqualTo("PERCENT");
        assertThat(body.path("resetAt").asString()).isEqualTo("2026-12-01T14:05:00Z");
        assertThat(body.path("forecastAt").isNull()).isTrue();
        assertThat(body.path("reason").isNull()).isTrue();
        assertThat(body.path("summary").asString()).isEqualTo(alert.summary());
        assertThat(body.path("test").asBoolean()).isTrue();
        assertThat(Instant.parse(body.path("occurredAt").asString())).isEqualTo(alert.occurredAt());
        assertThat(body.path("dashboardUrl").asString())
                .isEqualTo("http://localhost:8080/alerts?alert=" + alert.alertId());
        assertThat(request.body()).doesNotContain(SECRET);
    }

    @Test
    void a_url_that_is_neither_https_nor_local_is_refused_at_once_with_the_reason() {
        AlertRaised alert = SampleAlerts.budget(workspace,
                new Recipient(Channel.WEBHOOK, "http://hooks.example.com/quotah", SECRET)).build();

        publisher.publish(alert).join();

        DeliveryRecord delivery = awaitStatus(alert, DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).startsWith("refused: only https URLs are called");
        assertThat(delivery.attemptLog()).singleElement().extracting(DeliveryRecord.Attempt::result)
                .isEqualTo(AttemptResult.PERMANENT_ERROR);
    }

    @Test
    void a_webhook_that_keeps_failing_is_retried_with_growing_waits_then_failed_when_the_window_closes() {
        String path = "/hook/" + UUID.randomUUID();
        receiver.script(path, java.util.stream.Stream.generate(() -> Answer.of(503, "busy")).limit(200)
                .toArray(Answer[]::new));
        AlertRaised alert = SampleAlerts.budget(workspace, new Recipient(Channel.WEBHOOK, receiver.url(path), SECRET))
                .build();

        publisher.publish(alert).join();

        DeliveryRecord delivery = awaitStatus(alert, DeliveryStatus.FAILED);
        List<DeliveryRecord.Attempt> attempts = delivery.attemptLog();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(4).allSatisfy(attempt -> {
            assertThat(attempt.result()).isEqualTo(AttemptResult.TRANSIENT_ERROR);
            assertThat(attempt.error()).isEqualTo("HTTP 503: busy");
        });
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(attempts.getFirst().at(), attempts.getLast().at())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(delivery.lastError()).isEqualTo("gave up after " + attempts.size() + " attempts: HTTP 503: busy");
        assertThat(receiver.received(path)).hasSize(attempts.size());
    }

    @Test
    void a_resolution_waits_for_its_alert_to_be_delivered_first() {
        String path = "/hook/" + UUID.randomUUID();
        receiver.script(path, Answer.of(503), Answer.of(503), Answer.of(200), Answer.of(200));
        AlertRaised raised = SampleAlerts.rateLimit(workspace, new Recipient(Channel.WEBHOOK, receiver.url(path), SECRET))
                .severity(Severity.CRITICAL).build();

        publisher.publish(raised).join();
        publisher.publish(SampleAlerts.resolved(raised)).join();

        await().atMost(PATIENCE).until(() -> receiver.received(path).size() == 4);
        assertThat(receiver.received(path)).extracting(request -> JSON.readTree(request.body()).path("state").asString())
                .containsExactly("RAISED", "RAISED", "RAISED", "RESOLVED");
    }

    private FakeReceiver.Received firstRequest(String path) {
        return await().atMost(PATIENCE).until(() -> receiver.received(path), requests -> !requests.isEmpty()).getFirst();
    }

    private DeliveryStatus status(AlertRaised alert) {
        List<DeliveryRecord> found = deliveries.deliveriesOf(workspace, alert.alertId());
        return found.isEmpty() ? null : found.getFirst().status();
    }

    private DeliveryRecord awaitStatus(AlertRaised alert, DeliveryStatus status) {
        return await().atMost(PATIENCE).until(() -> deliveries.deliveriesOf(workspace, alert.alertId()),
                found -> found.size() == 1 && found.getFirst().status() == status).getFirst();
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(node -> node.path(field).asString()).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }

    private static String hmacSha256Hex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
