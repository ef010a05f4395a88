package io.quotah.analytics.headroom;

import io.quotah.analytics.connections.KnownConnection;
import io.quotah.contracts.events.Provider;
import java.time.Instant;

/** How the answer names a connection; of two versions the newer change wins, whatever order they come in. */
record CachedConnection(Provider provider, String label, String maskedKey, Instant changedAt) {

    static CachedConnection of(KnownConnection connection) {
        return new CachedConnection(connection.provider(), connection.label(), connection.maskedKey(),
                connection.changedAt());
    }

    CachedConnection merge(CachedConnection other) {
        return other.changedAt.isAfter(changedAt) ? other : this;
    }
}
