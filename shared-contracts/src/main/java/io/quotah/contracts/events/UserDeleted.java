package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A user deleted their account: every service deletes everything the workspace owned. */
public record UserDeleted(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        String userId) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public UserDeleted {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(userId, "userId");
    }

    public static UserDeleted of(String userId, String workspaceId) {
        return new UserDeleted(UUID.randomUUID(), workspaceId, Instant.now(), SCHEMA_VERSION, userId);
    }
}
