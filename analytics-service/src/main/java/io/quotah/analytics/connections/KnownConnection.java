package io.quotah.analytics.connections;

import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Provider;
import java.time.Instant;
import java.util.UUID;

/**
 * A provider connection as its last applied {@code ConnectionChanged} left it.
 *
 * @param label the user's name for the key, if any
 * @param maskedKey the key as it may be shown ({@code sk-ant-…abcd}), if known
 * @param changedAt when the change applied last happened
 */
public record KnownConnection(UUID connectionId, Provider provider, String label, String maskedKey,
        Change lastChange, Instant changedAt) {

    public boolean removed() {
        return lastChange == Change.REMOVED;
    }
}
