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
import io.quotah.poller.web.BadInputException;
import io.quotah.poller.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passive observations: the headers (and usage) of a provider's response, as the customer's own code saw them,
 * become a snapshot and usage. Quotah learns live headroom from real traffic without spending a token.
 */
@Service
class Observations {

    /** An observation this far in the future is a wrong clock, not news. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connections connections;
    private final ConnectionStore store;
    private final ProviderAdapters adapters;
    private final EventPublisher events;
    private final PassiveUsage passiveUsage;
    private final Clock clock;

    Observations(Connections connections, ConnectionStore store, ProviderAdapters adapters, EventPublisher events,
            PassiveUsage passiveUsage, Clock clock) {
        this.connections = connections;
        this.store = store;
        this.adapters = adapters;
        this.events = events;
        this.passiveUsage = passiveUsage;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException when the workspace watches no key {@code keyId}
     * @throws BadInputException when the observation is from the future or holds nothing Quotah can read
     */
    Accepted record(String workspaceId, UUID keyId, Observation observation) {
        Connection connection = connections.find(workspaceId, keyId)
                .orElseThrow(() -> new NotFoundException("This workspace watches no key with that id"));
        Instant now = clock.instant();
        Instant observedAt = observation.observedAt() == null ? now : observation.observedAt();
        if (observedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new BadInputException("observedAt", "is in the future");
        }
        ProviderAdapter adapter = adapters.of(connection.provider()).orElseThrow();
        Map<String, String> headers = observation.headers() == null ? Map.of() : observation.headers();
        LimitReading reading = adapter.readLimits(ResponseHeaders.of(headers), observedAt);
        Optional<UsageReading> usage = observation.usage() == null ? Optional.empty()
                : adapter.readUsage(JSON.writeValueAsString(Map.of("model", String.valueOf(observation.model()),
                        "usage", observation.usage())));
        if (reading.isEmpty() && usage.isEmpty()) {
            throw headers.isEmpty() && observation.usage() == null
                    ? new BadInputException("headers", "are required (or usage): the provider response's headers")
                    : new BadInputException("headers", "hold no rate-limit header of " + connection.provider()
                            + " that Quotah could read, and there is no usage object");
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
        return new Accepted(snapshotId, reading.windows(), reading.unreadableHeaders(), usageEventId);
    }

    /** What Quotah read from the headers; windows it could not read are counted, not guessed. */
    record Accepted(UUID snapshotId, List<RateLimitWindow> windows, int unreadableHeaders, UUID usageEventId) {
    }
}
