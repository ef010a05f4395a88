package io.quotah.analytics.history;

import io.quotah.analytics.web.InvalidParameterException;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The time range and window kind a history request asks for: the last 24 hours by default, at most 31 days.
 *
 * @param kind the one window kind asked for, or null for all
 */
record HistoryRange(Instant from, Instant to, WindowKind kind) {

    static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    static final Duration LONGEST_SPAN = Duration.ofDays(31);

    /** Reads the request's parameters (each may be absent); a wrong one is named in the exception. */
    static HistoryRange parse(String from, String to, String kind, Instant now) {
        Instant end = to == null ? now : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : instant("from", from);
        if (start.isAfter(end)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
            throw new InvalidParameterException("from", "must be at most 31 days before to");
        }
        return new HistoryRange(start, end, kind == null ? null : kind(kind));
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static WindowKind kind(String value) {
        return Arrays.stream(WindowKind.values()).filter(kind -> kind.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("kind", "must be one of "
                        + Arrays.stream(WindowKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
