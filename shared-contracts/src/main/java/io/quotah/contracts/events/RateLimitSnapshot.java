package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a provider said about one key's rate limits at one moment: one entry per limit window.
 *
 * @param model the model or model group the limits apply to; {@code null} when the provider does not say
 * @param retryAfter how long the provider asked us to wait, when it said so
 */
public record RateLimitSnapshot(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        UUID connectionId,
        Provider provider,
        String model,
        Instant capturedAt,
        SnapshotSource source,
        List<RateLimitWindow> windows,
        Duration retryAfter) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public RateLimitSnapshot {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(connectionId, "connectionId");
        requireNonNull(provider, "provider");
        requireNonNull(capturedAt, "capturedAt");
        requireNonNull(source, "source");
        windows = List.copyOf(requireNonNull(windows, "windows"));
    }

    /** A new snapshot with a fresh event id, as a poller publishes it. */
    public static RateLimitSnapshot captured(String workspaceId, UUID connectionId, Provider provider, String model,
            Instant capturedAt, SnapshotSource source, List<RateLimitWindow> windows, Duration retryAfter) {
        return new RateLimitSnapshot(UUID.randomUUID(), workspaceId, Instant.now(), SCHEMA_VERSION, connectionId,
                provider, model, capturedAt, source, windows, retryAfter);
    }

    /** Where a snapshot's numbers came from. */
    public enum SnapshotSource {
        /** A call Quotah made itself (opt-in, costs a few tokens). */
        PROBE,
        /** Headers the customer's own traffic saw and handed to Quotah. */
        PASSIVE,
        /** Configured limits read from the provider's Admin API. */
        ADMIN_API,
        /** Worked out from counted usage against configured limits, for providers that send no headers. */
        DERIVED
    }
}
