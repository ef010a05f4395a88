package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import java.util.UUID;

/**
 * One message for one recipient, as a {@link DeliveryChannel} sends it.
 *
 * @param alert the alert as it was raised (its recipients left out)
 * @param address an email address or a webhook URL
 * @param signingSecret the WEBHOOK recipient's secret, null for other channels
 * @param attempt 1 for the first try
 */
public record Delivery(UUID id, AlertRaised alert, Channel channel, String address, String signingSecret,
        int attempt) {

    /** Webhook URLs and secrets are credentials: never in a log line. */
    @Override
    public String toString() {
        return "Delivery[" + id + ", alert " + alert.alertId() + " " + alert.state() + ", " + channel
                + (channel == Channel.EMAIL ? " " + address : "") + ", attempt " + attempt + "]";
    }
}
