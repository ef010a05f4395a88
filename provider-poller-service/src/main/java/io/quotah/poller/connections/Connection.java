package io.quotah.poller.connections;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.secrets.KeyCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A key Quotah watches, as stored. The keys themselves stay sealed; {@link ConnectionSecrets} opens them
 * only for the call that needs them.
 */
public record Connection(
        UUID id,
        String workspaceId,
        Provider provider,
        String label,
        String maskedKey,
        KeyCipher.Sealed key,
        String maskedAdminKey,
        KeyCipher.Sealed adminKey,
        boolean probing,
        int pollIntervalSeconds,
        ConnectionStatus status,
        String statusReason,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String lastError,
        int consecutiveFailures,
        Instant createdAt) {

    public Duration pollInterval() {
        return Duration.ofSeconds(pollIntervalSeconds);
    }

    public boolean hasAdminKey() {
        return adminKey != null;
    }

    /** The status to show: one that has not succeeded for three intervals is stale, whatever it last was. */
    public ConnectionStatus statusAt(Instant now) {
        if (status == ConnectionStatus.INVALID || status == ConnectionStatus.PENDING) {
            return status;
        }
        Instant since = lastSuccessAt != null ? lastSuccessAt : createdAt;
        return since.plus(pollInterval().multipliedBy(3)).isBefore(now) ? ConnectionStatus.STALE : status;
    }
}
