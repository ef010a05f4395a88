package io.quotah.analytics.headroom;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/multi/rate-limits}: every key of the workspace, how close it is to its limits. */
record RateLimitsView(Instant generatedAt, List<Key> keys) {

    /** A provider key, sorted by provider then label. */
    record Key(UUID keyId, Provider provider, String label, String maskedKey, List<Limits> limits) {
    }

    /**
     * The limits of a key for one model (or for all, when {@code model} is null).
     *
     * @param stale older than the configured threshold: the numbers may no longer hold
     * @param retryAfterSeconds how much longer the provider asked to wait, while it still applies
     */
    record Limits(String model, SnapshotSource source, Instant capturedAt, long ageSeconds, boolean stale,
            Long retryAfterSeconds, List<Window> windows) {
    }

    /**
     * One limit window, in {@link WindowKind} order.
     *
     * @param exhaustsAt when it runs out at the recent burn rate; null when it is not draining
     */
    record Window(WindowKind kind, Long limit, Long remaining, BigDecimal usedPercent, Instant resetAt,
            Status status, Instant exhaustsAt, Long secondsToExhaustion) {
    }

    enum Status {
        HEALTHY,
        WARNING,
        CRITICAL,
        /** The limit or the remaining number is unknown: never guessed as zero. */
        UNKNOWN;

        @JsonValue
        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
