package io.quotah.analytics.headroom;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workspace's live headroom as Redis holds it: its connections and the state of each of their series. */
record CachedWorkspace(Map<UUID, CachedConnection> connections, List<Series> series) {

    static final CachedWorkspace EMPTY = new CachedWorkspace(Map.of(), List.of());

    record Series(UUID connectionId, SeriesState state) {
    }
}
