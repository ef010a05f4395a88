package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider connection (an API key Quotah watches) changed state.
 *
 * @param maskedKey the key as it may be shown, e.g. {@code sk-ant-…abcd}; never the key itself
 * @param reason why, for {@link Change#INVALID} (the provider's words)
 */
public record ConnectionChanged(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        UUID connectionId,
        Provider provider,
        String label,
        String maskedKey,
        Change change,
        String reason) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public ConnectionChanged {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(connectionId, "connectionId");
        requireNonNull(provider, "provider");
        requireNonNull(change, "change");
    }

    public enum Change {
        ADDED,
        VALIDATED,
        INVALID,
        REMOVED
    }
}
