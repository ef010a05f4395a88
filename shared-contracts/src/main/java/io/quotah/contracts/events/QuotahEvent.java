package io.quotah.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Quotah event carries. The workspace id is the Kafka record key, so one tenant's events
 * stay in order on one partition.
 */
public sealed interface QuotahEvent
        permits RateLimitSnapshot, UsageEvent, ConnectionChanged, AlertRaised, UserDeleted {

    UUID eventId();

    String workspaceId();

    Instant occurredAt();

    int schemaVersion();

    default EventType type() {
        return EventType.of(this);
    }
}
