package io.quotah.poller.provider;

import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads limit, remaining and reset headers into windows, counting what it cannot read instead of failing:
 * a provider that sends garbage in one header still tells us the rest.
 */
public final class HeaderParsing {

    private final ResponseHeaders headers;
    private final List<RateLimitWindow> windows = new ArrayList<>();
    private int unreadable;

    public HeaderParsing(ResponseHeaders headers) {
        this.headers = headers;
    }

    /** Adds a window when any of its three headers is present. */
    public void window(WindowKind kind, String limitHeader, String remainingHeader, String resetHeader,
            Function<String, Instant> resetParser) {
        Optional<String> limit = headers.get(limitHeader);
        Optional<String> remaining = headers.get(remainingHeader);
        Optional<String> reset = headers.get(resetHeader);
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
            return;
        }
        windows.add(new RateLimitWindow(kind, count(limit), count(remaining), reset.map(value -> {
            try {
                return resetParser.apply(value);
            } catch (RuntimeException garbage) {
                unreadable++;
                return null;
            }
        }).orElse(null)));
    }

    /** {@code retry-after} in whole seconds (an HTTP date is not used by these providers; it is counted). */
    public Duration retryAfterSeconds(String header) {
        Optional<String> value = headers.get(header);
        if (value.isEmpty()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.get());
            if (seconds >= 0 && Double.isFinite(seconds)) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException garbage) {
            // counted below
        }
        unreadable++;
        return null;
    }

    /** Azure's {@code retry-after-ms}: {@code -1} and {@code 0} are placeholders meaning nothing. */
    public Duration retryAfterMillis(String header) {
        Optional<String> value = headers.get(header);
        if (value.isEmpty()) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.get());
            return millis > 0 ? Duration.ofMillis(millis) : null;
        } catch (NumberFormatException garbage) {
            unreadable++;
            return null;
        }
    }

    public LimitReading reading(Duration retryAfter) {
        return new LimitReading(windows, retryAfter, unreadable);
    }

    private Long count(Optional<String> value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException garbage) {
            // counted below
        }
        unreadable++;
        return null;
    }
}
