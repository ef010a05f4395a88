package io.quotah.analytics.headroom;

import io.quotah.analytics.config.AnalyticsProperties;
import io.quotah.analytics.connections.ConnectionDirectory;
import io.quotah.analytics.connections.KnownConnection;
import io.quotah.analytics.history.SnapshotHistory;
import io.quotah.contracts.events.RateLimitSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The unified headroom of each workspace: kept current in Redis as snapshots and connection changes arrive,
 * answered from Redis alone, and rebuilt from PostgreSQL when Redis has lost it.
 */
@Service
class HeadroomBoard {

    private static final Logger log = LoggerFactory.getLogger(HeadroomBoard.class);

    private final HeadroomCache cache;
    private final SnapshotHistory history;
    private final ConnectionDirectory connections;
    private final AnalyticsProperties properties;
    private final HeadroomReport report;

    HeadroomBoard(HeadroomCache cache, SnapshotHistory history, ConnectionDirectory connections,
            AnalyticsProperties properties) {
        this.cache = cache;
        this.history = history;
        this.connections = connections;
        this.properties = properties;
        this.report = new HeadroomReport(properties.staleAfter(), properties.forecastLookback());
    }

    /** The hot path: one HGETALL, unless Redis lost the workspace. */
    RateLimitsView view(String workspaceId, Instant now) {
        CachedWorkspace workspace = cache.read(workspaceId).orElseGet(() -> rebuild(workspaceId, now));
        return report.of(workspace, now);
    }

    /** Merges a snapshot that PostgreSQL already holds; redelivered or late, it never regresses the state. */
    void apply(RateLimitSnapshot snapshot) {
        if (snapshot.windows().isEmpty()) {
            return;
        }
        cache.merge(snapshot.workspaceId(), snapshot.connectionId(), SeriesState.of(snapshot));
        dropRemoved(snapshot.workspaceId(), List.of(snapshot.connectionId()));
    }

    /** Shows a connection's current name, or drops all of it once removed. */
    void apply(String workspaceId, KnownConnection connection) {
        if (connection.removed()) {
            cache.dropConnection(workspaceId, connection.connectionId());
        } else {
            cache.merge(workspaceId, connection.connectionId(), CachedConnection.of(connection));
        }
    }

    private CachedWorkspace rebuild(String workspaceId, Instant now) {
        List<KnownConnection> known = connections.all(workspaceId);
        Set<UUID> removed = known.stream().filter(KnownConnection::removed).map(KnownConnection::connectionId)
                .collect(Collectors.toSet());
        Map<SeriesId, SeriesState> series = new HashMap<>();
        for (RateLimitSnapshot snapshot : history.latestAndSince(workspaceId, now.minus(properties.forecastLookback()))) {
            if (!removed.contains(snapshot.connectionId()) && !snapshot.windows().isEmpty()) {
                series.merge(new SeriesId(snapshot.connectionId(), snapshot.model()), SeriesState.of(snapshot),
                        (a, b) -> a.merge(b, properties.forecastSamples()));
            }
        }
        Set<UUID> written = new HashSet<>();
        series.forEach((id, state) -> {
            cache.merge(workspaceId, id.connectionId(), state);
            written.add(id.connectionId());
        });
        for (KnownConnection connection : known) {
            if (!connection.removed()) {
                cache.merge(workspaceId, connection.connectionId(), CachedConnection.of(connection));
                written.add(connection.connectionId());
            }
        }
        cache.markBuilt(workspaceId);
        dropRemoved(workspaceId, written);
        log.info("rebuilt the headroom of workspace {} from PostgreSQL: {} series of {} connections", workspaceId,
                series.size(), written.size());
        // Another writer may have changed it meanwhile; what Redis now holds is the answer. Only a purge racing
        // this rebuild leaves nothing.
        return cache.read(workspaceId).orElse(CachedWorkspace.EMPTY);
    }

    /**
     * A connection removed while its state was being written must still end up gone: the removal commits to
     * PostgreSQL before it clears Redis, so checking PostgreSQL after writing closes the gap.
     */
    private void dropRemoved(String workspaceId, Collection<UUID> written) {
        for (UUID connectionId : written) {
            if (connections.isRemoved(workspaceId, connectionId)) {
                cache.dropConnection(workspaceId, connectionId);
            }
        }
    }

    private record SeriesId(UUID connectionId, String model) {
    }
}
