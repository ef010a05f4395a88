package io.quotah.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.notification.delivery.AttemptResult;
import io.quotah.notification.delivery.DeliveryLog;
import io.quotah.notification.delivery.DeliveryRecord;
import io.quotah.notification.delivery.DeliveryStatus;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.ApiCalls;
import io.quotah.testkit.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alert email end to end over SMTP: AlertRaised on a real Kafka, the delivery log in PostgreSQL, the message in a
 * GreenMail mailbox, and the unsubscribe link followed over HTTP without an account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quotah.notification.retry.initial-backoff=100ms", "quotah.notification.retry.max-backoff=400ms",
        "quotah.notification.retry.give-up-after=5s"})
@RealInfrastructure
@DirtiesContext
class EmailDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "http://localhost:8080(/api/notifications/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    private static final Mailbox mailbox = new Mailbox();

    private final String workspace = "ws-" + UUID.randomUUID();
    private final ApiCalls calls = ApiCalls.withoutBase();

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smtpIsTheMailbox(DynamicPropertyRegistry registry) {
        registry.add("quotah.notification.email.smtp.port", mailbox::smtpPort);
    }

    @AfterAll
    static void closeMailbox() {
        mailbox.close();
    }

    @Test
    void an_alert_email_has_a_text_and_an_html_part_with_the_key_facts_and_one_click_unsubscribe_headers() {
        String address = address();
        AlertRaised alert = SampleAlerts.rateLimit(workspace, email(address)).build();

        publisher.publish(alert).join();

        Mailbox.Mail mail = firstMailTo(address);
        assertThat(mail.subject()).isEqualTo("[Quotah] WARNING: " + alert.summary());
        assertThat(mail.from()).isEqualTo("Quotah <alerts@quotah.local>");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.text()).contains("Rule: Tokens nearly out", "Key: Production (Anthropic)",
                "Model: claude-sonnet-4-5", "Window: Input tokens", "Observed: 85.3 %", "Threshold: 80 %",
                "Resets at: 2026-12-01 14:05 UTC", "Severity: WARNING",
                "http://localhost:8080/alerts?alert=" + alert.alertId());
        assertThat(mail.html()).contains("Tokens nearly out", "Production (Anthropic)", "85.3 %", "80 %",
                "2026-12-01 14:05 UTC", "href=\"http://localhost:8080/alerts?alert=" + alert.alertId() + "\"");
        String link = unsubscribeLink(mail.text());
        assertThat(mail.html()).contains("href=\"http://localhost:8080" + link + "\"");
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<http://localhost:8080" + link + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .containsEntry("Auto-Submitted", "auto-generated");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries.deliveriesOf(workspace, alert.alertId()))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(delivery.attempts()).isEqualTo(1);
                    assertThat(delivery.sentAt()).isNotNull();
                }));
    }

    @Test
    void the_unsubscribe_link_asks_first_then_a_post_suppresses_the_next_alert_of_that_rule_to_that_address() {
        String address = address();
        String colleague = address();
        AlertRaised first = SampleAlerts.budget(workspace, email(address), email(colleague)).build();
        publisher.publish(first).join();
        Mailbox.Mail mail = firstMailTo(address);
        String link = unsubscribeLink(mail.text());

        HttpResponse<String> page = send(HttpRequest.newBuilder(local(link)).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains(address, "<form method=\"post\"", "Unsubscribe");
        HttpResponse<String> done = send(HttpRequest.newBuilder(local(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed", address);

        AlertRaised second = SampleAlerts.copy(first).eventId(UUID.randomUUID()).alertId(UUID.randomUUID()).build();
        publisher.publish(second).join();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries.deliveriesOf(workspace, second.alertId()))
                .extracting(DeliveryRecord::address, DeliveryRecord::status)
                .containsExactly(tuple(address, DeliveryStatus.SUPPRESSED),
                        tuple(colleague, DeliveryStatus.SENT)));
        assertThat(mailbox.to(address)).hasSize(1);
        assertThat(mailbox.to(colleague)).hasSize(2);
    }

    @Test
    void a_forged_or_cut_unsubscribe_token_is_refused_with_400_and_suppresses_nothing() {
        String forged = "/api/notifications/unsubscribe?token=" + "d29ya3NwYWNl.c2lnbmF0dXJl";

        assertThat(send(HttpRequest.newBuilder(local(forged)).GET().build()).statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(local(forged)).POST(HttpRequest.BodyPublishers.noBody()).build())
                .statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(local("/api/notifications/unsubscribe")).GET().build()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_replayed_alert_sends_one_message_and_its_resolution_one_more() {
        String address = address();
        AlertRaised raised = SampleAlerts.rateLimit(workspace, email(address)).build();
        AlertRaised sameAlertNewEvent = SampleAlerts.copy(raised).eventId(UUID.randomUUID()).build();

        publisher.publish(raised).join();
        publisher.publish(raised).join();
        publisher.publish(sameAlertNewEvent).join();
        // Same workspace, so same partition: once the resolution is sent, every earlier record was handled.
        publisher.publish(SampleAlerts.resolved(raised)).join();

        await().atMost(PATIENCE).until(() -> mailbox.to(address).size() >= 2);
        await().atMost(PATIENCE).until(() -> deliveries.deliveriesOf(workspace, raised.alertId()).stream()
                .allMatch(delivery -> delivery.status() == DeliveryStatus.SENT));
        assertThat(mailbox.to(address)).extracting(Mailbox.Mail::subject).containsExactly(
                "[Quotah] WARNING: " + raised.summary(), "[Quotah] Resolved: " + raised.summary());
        assertThat(deliveries.deliveriesOf(workspace, raised.alertId()))
                .allSatisfy(delivery -> assertThat(delivery.attemptLog()).singleElement()
                        .extracting(DeliveryRecord.Attempt::result).isEqualTo(AttemptResult.SENT))
                .hasSize(2);
    }

    @Test
    void an_address_that_is_not_one_fails_at_once_and_is_not_retried() {
        AlertRaised alert = SampleAlerts.budget(workspace, email("not an address")).build();

        publisher.publish(alert).join();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries.deliveriesOf(workspace, alert.alertId()))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(delivery.lastError()).isEqualTo("not a valid email address");
                    assertThat(delivery.attempts()).isEqualTo(1);
                    assertThat(delivery.nextAttemptAt()).isNull();
                }));
    }

    @Test
    void a_deleted_account_leaves_no_deliveries_attempts_or_suppressions() {
        String address = address();
        AlertRaised alert = SampleAlerts.budget(workspace, email(address)).build();
        publisher.publish(alert).join();
        Mailbox.Mail mail = firstMailTo(address);
        send(HttpRequest.newBuilder(local(unsubscribeLink(mail.text()))).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(rows("suppression")).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> rows("delivery_attempt") == 1);

        publisher.publish(UserDeleted.of("user-1", workspace)).join();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(rows("delivery")).isZero();
            assertThat(rows("delivery_attempt")).isZero();
            assertThat(rows("suppression")).isZero();
        });
    }

    private static Mailbox.Mail firstMailTo(String address) {
        return await().atMost(PATIENCE).until(() -> mailbox.to(address), mails -> !mails.isEmpty()).getFirst();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = ?").param(workspace)
                .query(Long.class).single();
    }

    private static String unsubscribeLink(String text) {
        Matcher matcher = UNSUBSCRIBE.matcher(text);
        assertThat(matcher.find()).as("an unsubscribe link in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private URI local(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return calls.send(request);
    }

    private static Recipient email(String address) {
        return new Recipient(Channel.EMAIL, address);
    }

    private static String address() {
        return "ops-" + UUID.randomUUID() + "@example.com";
    }
}
