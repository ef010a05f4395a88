package io.quotah.analytics.history;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotah.analytics.config.AnalyticsProperties;
import io.quotah.analytics.connections.ConnectionDirectory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A key's rate-limit history for charts: raw snapshots while the range is within the raw retention, 5-minute
 * buckets beyond. Only the caller's workspace is visible; any other key is 404, never 403.
 */
@RestController
class HistoryController {

    private final SnapshotHistory history;
    private final ConnectionDirectory connections;
    private final AnalyticsProperties properties;

    HistoryController(SnapshotHistory history, ConnectionDirectory connections, AnalyticsProperties properties) {
        this.history = history;
        this.connections = connections;
        this.properties = properties;
    }

    @GetMapping("/api/multi/rate-limits/{keyId}/history")
    HistoryView history(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID keyId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind) {
        Instant now = Instant.now();
        HistoryRange range = HistoryRange.parse(from, to, kind, now);
        String workspace = jwt.getSubject();
        if (connections.find(workspace, keyId).isEmpty() && !history.hasHistory(workspace, keyId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No key " + keyId);
        }
        boolean raw = !range.from().isBefore(now.minus(properties.snapshotRetention()));
        List<HistoryPoint> points = raw
                ? history.rawPoints(workspace, keyId, range.from(), range.to(), range.kind())
                : history.fiveMinutePoints(workspace, keyId, range.from(), range.to(), range.kind());
        return new HistoryView(keyId, range.from(), range.to(), raw ? Resolution.RAW : Resolution.FIVE_MINUTES,
                points);
    }

    record HistoryView(UUID keyId, Instant from, Instant to, Resolution resolution, List<HistoryPoint> points) {
    }

    enum Resolution {
        RAW("raw"),
        FIVE_MINUTES("5m");

        private final String name;

        Resolution(String name) {
            this.name = name;
        }

        @JsonValue
        String json() {
            return name;
        }
    }
}
