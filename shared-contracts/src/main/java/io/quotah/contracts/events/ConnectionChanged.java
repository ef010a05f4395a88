package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider connection (an API key Quotah watches) changed state.
 *
 * @param maskedKey the key as it may be shown, e.g. {@code sk-ant-…abcd}; never the key itself
 * @param reason why, for {@link Change#INVALID} and {@link Change#OUT_OF_QUOTA} (the provider's words)
 * @param pollIntervalSeconds how often the key is polled, when known: a key silent for three intervals is stale
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
        String reason,
        Integer pollIntervalSeconds) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public ConnectionChanged {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(connectionId, "connectionId");
        requireNonNull(provider, "provider");
        requireNonNull(change, "change");
    }

    /** A change without the polling interval, as the first version of the contract had it. */
    public ConnectionChanged(UUID eventId, String workspaceId, Instant occurredAt, int schemaVersion,
            UUID connectionId, Provider provider, String label, String maskedKey, Change change, String reason) {
        this(eventId, workspaceId, occurredAt, schemaVersion, connectionId, provider, label, maskedKey, change, reason,
                null);
    }

    public enum Change {
        ADDED,
        /** The key works (again): the provider accepted it. */
        VALIDATED,
        INVALID,
        /** The account is out of money or quota (a spend cap, {@code insufficient_quota}): the customer must act. */
        OUT_OF_QUOTA,
        REMOVED
    }
}
