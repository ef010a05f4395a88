package io.quotah.notification.chat;

import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Delivery;
import io.quotah.notification.delivery.DeliveryChannel;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.message.AlertFacts;
import io.quotah.notification.outbound.WebhookClient;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts to a Slack incoming webhook: the headline as {@code text} (what notifications show), and an attachment
 * colored by severity whose blocks carry the summary, the facts as fields and the dashboard link.
 */
@Component
class SlackChannel implements DeliveryChannel {

    /** Slack takes at most ten fields in a section. */
    private static final int MAX_FIELDS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookClient http;
    private final String baseUrl;

    SlackChannel(WebhookClient http, NotificationSettings settings) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public Outcome send(Delivery delivery) {
        return http.postJson(delivery.address(), body(AlertFacts.of(delivery.alert(), baseUrl)), Map.of());
    }

    static String body(AlertFacts facts) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", escape(facts.subject()));
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", facts.color());
        attachment.put("fallback", escape(facts.subject()));
        ArrayNode blocks = attachment.putArray("blocks");
        ObjectNode headline = blocks.addObject().put("type", "section");
        headline.putObject("text").put("type", "mrkdwn")
                .put("text", "*" + escape(facts.label() + ": " + facts.summary()) + "*\n" + escape(facts.wording()));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        facts.facts().stream().limit(MAX_FIELDS).forEach(fact -> fields.addObject().put("type", "mrkdwn")
                .put("text", "*" + escape(fact.label()) + "*\n" + escape(fact.value())));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "<" + facts.dashboardUrl() + "|Open in Quotah>");
        return JSON.writeValueAsString(message);
    }

    /** Slack's mrkdwn reads {@code & < >} as markup: a rule named {@code <!channel>} must not ping anyone. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
