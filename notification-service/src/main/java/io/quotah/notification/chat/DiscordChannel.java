package io.quotah.notification.chat;

import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Delivery;
import io.quotah.notification.delivery.DeliveryChannel;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.message.AlertFacts;
import io.quotah.notification.outbound.WebhookClient;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts to a Discord webhook: one embed with the severity's color (an integer, as Discord wants it), the
 * headline as title linking to the dashboard, the summary as description and the facts as inline fields.
 * Mentions are switched off, so no rule name can ping {@code @everyone}.
 */
@Component
class DiscordChannel implements DeliveryChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookClient http;
    private final String baseUrl;

    DiscordChannel(WebhookClient http, NotificationSettings settings) {
        this.http = http;
        this.baseUrl = settings.baseUrl();
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public Outcome send(Delivery delivery) {
        return http.postJson(delivery.address(), body(AlertFacts.of(delivery.alert(), baseUrl)), Map.of());
    }

    static String body(AlertFacts facts) {
        ObjectNode message = JSON.createObjectNode();
        message.put("username", "Quotah");
        message.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = message.putArray("embeds").addObject();
        embed.put("title", cut(facts.label() + ": " + facts.ruleName(), 256));
        embed.put("description", cut(facts.summary() + "\n\n" + facts.wording(), 4096));
        embed.put("url", facts.dashboardUrl());
        embed.put("color", facts.colorValue());
        embed.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(facts.alert().occurredAt()));
        ArrayNode fields = embed.putArray("fields");
        facts.facts().stream().limit(25).forEach(fact -> fields.addObject()
                .put("name", cut(fact.label(), 256)).put("value", cut(fact.value(), 1024)).put("inline", true));
        embed.putObject("footer").put("text", "Quotah");
        return JSON.writeValueAsString(message);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
