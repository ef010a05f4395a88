package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery this replica holds under a lease while it sends it; {@code claimId} proves the hold when the
 * outcome is written.
 *
 * @param attempts attempts made before this one
 * @param firstAttemptAt null before the first attempt
 */
record ClaimedDelivery(UUID id, UUID claimId, String workspaceId, UUID alertId, UUID ruleId, Channel channel,
        String address, String signingSecret, String payload, int attempts, Instant firstAttemptAt) {

    int attemptNumber() {
        return attempts + 1;
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + " of alert " + alertId + ", workspace " + workspaceId + ", " + channel + "]";
    }
}
