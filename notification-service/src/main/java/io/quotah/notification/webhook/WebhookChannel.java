package io.quotah.notification.webhook;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Delivery;
import io.quotah.notification.delivery.DeliveryChannel;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.message.AlertFacts;
import io.quotah.notification.outbound.WebhookClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts to a customer's own endpoint: the alert's fields as JSON, signed ({@link WebhookSignature}) with the
 * recipient's secret, and {@code Quotah-Event-Id} (the same on every retry, so the receiver can drop repeats).
 */
@Component
class WebhookChannel implements DeliveryChannel {

    static final String EVENT_ID_HEADER = "Quotah-Event-Id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookClient http;
    private final String baseUrl;
    private final Clock clock;

    WebhookChannel(WebhookClient http, NotificationSettings settings, Clock clock) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Outcome send(Delivery delivery) {
        if (delivery.signingSecret() == null || delivery.signingSecret().isBlank()) {
            return Outcome.failed("refused: the webhook has no signing secret");
        }
        AlertRaised alert = delivery.alert();
        String body = body(alert, AlertFacts.of(alert, baseUrl).dashboardUrl());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.HEADER,
                WebhookSignature.header(delivery.signingSecret(), clock.instant().getEpochSecond(), body));
        headers.put(EVENT_ID_HEADER, alert.eventId().toString());
        headers.put("User-Agent", "Quotah-Webhooks/1");
        return http.postJson(delivery.address(), body, headers);
    }

    /** Every field, present or null, in a fixed order; amounts as decimal strings, instants in UTC ISO 8601. */
    static String body(AlertRaised alert, String dashboardUrl) {
        ObjectNode json = JSON.createObjectNode();
        json.put("alertId", alert.alertId().toString());
        json.put("ruleId", text(alert.ruleId()));
        json.put("ruleName", alert.ruleName());
        json.put("kind", alert.kind().name());
        json.put("state", alert.state().name());
        json.put("severity", alert.severity().name());
        json.put("connectionId", text(alert.connectionId()));
        json.put("provider", text(alert.provider()));
        json.put("connectionLabel", alert.connectionLabel());
        json.put("model", alert.model());
        json.put("window", alert.window());
        json.put("observed", decimal(alert.observed()));
        json.put("threshold", decimal(alert.threshold()));
        json.put("unit", text(alert.unit()));
        json.put("resetAt", text(alert.resetAt()));
        json.put("forecastAt", text(alert.forecastAt()));
        json.put("reason", alert.reason());
        json.put("summary", alert.summary());
        json.put("test", alert.test());
        json.put("occurredAt", text(alert.occurredAt()));
        json.put("dashboardUrl", dashboardUrl);
        return JSON.writeValueAsString(json);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant.toString();
            case Enum<?> constant -> constant.name();
            default -> value.toString();
        };
    }
}
