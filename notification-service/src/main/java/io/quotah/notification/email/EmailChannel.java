package io.quotah.notification.email;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.notification.config.NotificationSettings;
import io.quotah.notification.delivery.Delivery;
import io.quotah.notification.delivery.DeliveryChannel;
import io.quotah.notification.delivery.Outcome;
import io.quotah.notification.message.AlertFacts;
import io.quotah.notification.unsubscribe.UnsubscribeLinks;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

/** Alerts by email, through whichever transport is configured. */
@Component
class EmailChannel implements DeliveryChannel {

    private final EmailTemplates templates;
    private final EmailTransport transport;
    private final UnsubscribeLinks unsubscribeLinks;
    private final String baseUrl;

    EmailChannel(EmailTemplates templates, EmailTransport transport, UnsubscribeLinks unsubscribeLinks,
            NotificationSettings settings) {
        this.templates = templates;
        this.transport = transport;
        this.unsubscribeLinks = unsubscribeLinks;
        this.baseUrl = settings.baseUrl();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(Delivery delivery) {
        String address = delivery.address().trim();
        if (!isPlainAddress(address)) {
            return Outcome.failed("not a valid email address");
        }
        AlertRaised alert = delivery.alert();
        String unsubscribe = alert.ruleId() == null ? null
                : unsubscribeLinks.urlFor(alert.workspaceId(), alert.ruleId(), address);
        return transport.send(templates.render(AlertFacts.of(alert, baseUrl), address, unsubscribe));
    }

    /** One bare address ({@code ops@example.com}), not a list and not a display name with one. */
    static boolean isPlainAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && address.equals(parsed.getAddress()) && address.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }
}
