package io.quotah.poller.connections;

import io.quotah.contracts.events.Provider;
import java.time.Instant;
import java.util.UUID;

/** A watched key as the API shows it: masked, never the key. */
record ApiKeyView(UUID id, Provider provider, String label, String maskedKey, String maskedAdminKey, boolean probing,
        int pollIntervalSeconds, ConnectionStatus status, String statusReason, Instant lastPolledAt,
        Instant lastSuccessAt, String lastError, Instant createdAt) {

    static ApiKeyView of(Connection connection, Instant now) {
        return new ApiKeyView(connection.id(), connection.provider(), connection.label(), connection.maskedKey(),
                connection.maskedAdminKey(), connection.probing(), connection.pollIntervalSeconds(),
                connection.statusAt(now), connection.statusReason(), connection.lastPolledAt(),
                connection.lastSuccessAt(), connection.lastError(), connection.createdAt());
    }
}
