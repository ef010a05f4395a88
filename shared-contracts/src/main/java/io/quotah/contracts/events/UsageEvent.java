package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Usage of one key, model and service tier over one time bucket. Its id is derived from what identifies
 * the bucket, so a bucket the provider revised is the same event with newer totals: consumers upsert by
 * {@code eventId} and never add twice.
 *
 * @param providerKeyId the provider's own id of the API key, when its usage report groups by key
 * @param serviceTier e.g. {@code standard}, {@code priority}, {@code batch}, {@code flex}; {@code null} if not said
 * @param reasoningTokens output tokens spent on reasoning, already inside {@code outputTokens}, when given
 * @param reportedCost cost as the provider reported it, when it did
 */
public record UsageEvent(
        UUID eventId,
        String workspaceId,
        Instant occurredAt,
        int schemaVersion,
        UUID connectionId,
        Provider provider,
        String providerKeyId,
        String model,
        Instant bucketStart,
        Instant bucketEnd,
        long requests,
        long inputTokens,
        long outputTokens,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        long cacheReadTokens,
        Long reasoningTokens,
        String serviceTier,
        Money reportedCost,
        UsageSource source) implements QuotahEvent {

    public static final int SCHEMA_VERSION = 1;

    public UsageEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(connectionId, "connectionId");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(bucketStart, "bucketStart");
        requireNonNull(bucketEnd, "bucketEnd");
        requireNonNull(source, "source");
        if (!bucketEnd.isAfter(bucketStart)) {
            throw new IllegalArgumentException("bucketEnd must be after bucketStart");
        }
    }

    /**
     * The id of a bucket's event: the same for every poll of the same bucket, different for another
     * bucket (start or width), key, model, tier or source. A name-based (type 3) UUID.
     */
    public static UUID idFor(Provider provider, UUID connectionId, String providerKeyId, Instant bucketStart,
            Instant bucketEnd, String model, String serviceTier, UsageSource source) {
        String name = String.join("|", "usage", provider.name(), connectionId.toString(),
                String.valueOf(providerKeyId), bucketStart.toString(), bucketEnd.toString(), model,
                String.valueOf(serviceTier), source.name());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the numbers came from. */
    public enum UsageSource {
        /** The provider's Admin usage report. */
        ADMIN_API,
        /** Usage objects of responses the customer's code saw. */
        PASSIVE,
        /** Records the customer's code sent in a batch. */
        INGEST
    }
}
