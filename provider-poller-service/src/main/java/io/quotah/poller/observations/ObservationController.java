package io.quotah.poller.observations;

import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.platform.events.EventPublisher;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.ConnectionStore;
import io.quotah.poller.connections.Connections;
import io.quotah.poller.provider.LimitReading;
import io.quotah.poller.provider.ProviderAdapter;
import io.quotah.poller.provider.ProviderAdapters;
import io.quotah.poller.provider.ResponseHeaders;
import io.quotah.poller.provider.UsageReading;
import io.quotah.poller.usage.PassiveUsage;
import io.quotah.poller.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passive observations: the headers a provider's response carried, as the customer's own code saw them.
 * Quotah learns live headroom from real traffic without spending a token.
 */
@RestController
class ObservationController {

    /** An observation this far in the future is a wrong clock, not news. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Connections connections;
    private final ConnectionStore store;
    private final ProviderAdapters adapters;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventPublisher events;
    private final PassiveUsage passiveUsage;
    private final Clock clock;

    ObservationController(Connections connections, ConnectionStore store, ProviderAdapters adapters,
            EventPublisher events, PassiveUsage passiveUsage, Clock clock) {
        this.connections = connections;
        this.store = store;
        this.adapters = adapters;
        this.events = events;
        this.passiveUsage = passiveUsage;
        this.clock = clock;
    }

    @PostMapping("/api/api-keys/{id}/observations")
    ResponseEntity<?> observe(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id,
            @Valid @RequestBody Observation observation) {
        Connection connection = connections.find(caller.getSubject(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "This workspace watches no key with that id"));
        Instant now = clock.instant();
        Instant observedAt = observation.observedAt() == null ? now : observation.observedAt();
        if (observedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return ResponseEntity.badRequest().body(Problems.badRequest("observedAt", "is in the future"));
        }
        ProviderAdapter adapter = adapters.of(connection.provider()).orElseThrow();
        Map<String, String> headers = observation.headers() == null ? Map.of() : observation.headers();
        LimitReading reading = adapter.readLimits(ResponseHeaders.of(headers), observedAt);
        Optional<UsageReading> usage = observation.usage() == null ? Optional.empty()
                : adapter.readUsage(JSON.writeValueAsString(Map.of("model", String.valueOf(observation.model()),
                        "usage", observation.usage())));
        if (reading.isEmpty() && usage.isEmpty()) {
            return ResponseEntity.badRequest().body(headers.isEmpty() && observation.usage() == null
                    ? Problems.badRequest("headers", "are required (or usage): the provider response's headers")
                    : Problems.badRequest("headers", "hold no rate-limit header of " + connection.provider()
                            + " that Quotah could read, and there is no usage object"));
        }
        UUID snapshotId = null;
        if (!reading.isEmpty()) {
            RateLimitSnapshot snapshot = RateLimitSnapshot.captured(connection.workspaceId(), connection.id(),
                    connection.provider(), observation.model(), observedAt, SnapshotSource.PASSIVE,
                    reading.windows(), reading.retryAfter());
            events.publish(snapshot);
            snapshotId = snapshot.eventId();
        }
        UUID usageEventId = usage.map(counted -> passiveUsage.record(connection, observedAt, observation.model(),
                counted).eventId()).orElse(null);
        store.recordObservation(connection.id(), observedAt);
        return ResponseEntity.accepted().body(new Accepted(snapshotId, reading.windows(), reading.unreadableHeaders(),
                usageEventId));
    }

    /**
     * @param headers the response's headers, name to value (names in any case)
     * @param model the model the request used, when known: limits are per model class
     * @param usage the response's {@code usage} object, as the provider sent it
     */
    record Observation(
            @Size(max = 200, message = "are too many (at most 200)") Map<String, String> headers,
            @Size(max = 200, message = "is too long") String model,
            Instant observedAt,
            Map<String, Object> usage) {
    }

    /** What Quotah read from the headers; windows it could not read are counted, not guessed. */
    record Accepted(UUID snapshotId, List<RateLimitWindow> windows, int unreadableHeaders, UUID usageEventId) {
    }
}
