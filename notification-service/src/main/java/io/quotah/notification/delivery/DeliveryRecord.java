package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as the log keeps it, with every attempt, oldest first. Carries the raw address: whoever shows
 * it decides how much of a webhook URL to reveal. Never carries a signing secret.
 */
public record DeliveryRecord(UUID id, UUID alertId, AlertState state, Channel channel, String address,
        DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt,
        Instant nextAttemptAt, List<Attempt> attemptLog) {

    /** One try: when it started, how it ended, and the receiver's or the network's words when it failed. */
    public record Attempt(int number, Instant at, AttemptResult result, String error) {
    }
}
