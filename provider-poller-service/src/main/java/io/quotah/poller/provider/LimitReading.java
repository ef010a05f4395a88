package io.quotah.poller.provider;

import io.quotah.contracts.events.RateLimitWindow;
import java.time.Duration;
import java.util.List;

/**
 * What a response's headers said about the key's limits.
 *
 * @param windows one per limit the headers named; an absent number is null (unknown), never zero
 * @param retryAfter how long the provider asked us to wait, when it did
 * @param unreadableHeaders rate-limit headers present but not understood (ignored, counted)
 */
public record LimitReading(List<RateLimitWindow> windows, Duration retryAfter, int unreadableHeaders) {

    public LimitReading {
        windows = List.copyOf(windows);
    }

    public static LimitReading none() {
        return new LimitReading(List.of(), null, 0);
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }
}
