package io.quotah.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One limit as the provider reported it. An absent number is unknown, never zero.
 *
 * @param resetAt when the window is full again (for token buckets: when it would be full)
 */
public record RateLimitWindow(WindowKind kind, Long limit, Long remaining, Instant resetAt) {

    public RateLimitWindow {
        requireNonNull(kind, "kind");
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        if (remaining != null && remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative, was " + remaining);
        }
    }

    /** Which limit a window describes. Per minute unless the name says otherwise. */
    public enum WindowKind {
        REQUESTS,
        TOKENS,
        INPUT_TOKENS,
        OUTPUT_TOKENS,
        PRIORITY_INPUT_TOKENS,
        PRIORITY_OUTPUT_TOKENS,
        FAST_INPUT_TOKENS,
        FAST_OUTPUT_TOKENS,
        PROJECT_TOKENS,
        REQUESTS_PER_DAY,
        BATCH_INPUT_TOKENS_PER_DAY
    }
}
