package io.quotah.analytics.usage;

import io.quotah.analytics.web.InvalidParameterException;
import io.quotah.contracts.events.Provider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which usage a request asks for: buckets starting in [from, to), optionally of one provider, one model (by any of
 * its names) and one key. {@code from} and {@code to} are ISO dates (whole UTC days, {@code to} included) or
 * instants ({@code to} excluded); by default the last 30 days, today included; at most 400 days.
 *
 * @param model a model as the caller named it, null for all
 * @param keyId a key (connection) of the caller's workspace, null for all
 */
public record UsageFilter(Instant from, Instant to, Provider provider, String model, UUID keyId) {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    public static final Duration LONGEST_SPAN = Duration.ofDays(400);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int LONGEST_MODEL = 200;

    /** Reads the request's parameters (each may be absent); a wrong one is named in the exception. */
    public static UsageFilter parse(String from, String to, String provider, String model, String keyId,
            Instant now) {
        Instant end = blank(to) ? startOfDay(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)) : end("to", to);
        Instant start = blank(from) ? end.minus(DEFAULT_SPAN) : start("from", from);
        boolean toIsDate = !blank(to) && DATE.matcher(to.strip()).matches();
        // a day given as "to" is included: from the day after it is after it, though the instants meet
        if (start.isAfter(end) || (toIsDate && start.equals(end))) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
            throw new InvalidParameterException("from", "must be at most 400 days before to");
        }
        return new UsageFilter(start, end, blank(provider) ? null : provider(provider), model(model),
                blank(keyId) ? null : keyId(keyId));
    }

    /** The first UTC day of the range. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last UTC day the range touches (the first day again for an empty range). */
    public LocalDate lastDay() {
        return to.isAfter(from) ? LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC) : firstDay();
    }

    /** The same filter over another range. */
    public UsageFilter over(Instant start, Instant end) {
        return new UsageFilter(start, end, provider, model, keyId);
    }

    private static Instant start(String field, String value) {
        String text = value.strip();
        return DATE.matcher(text).matches() ? startOfDay(date(field, text)) : instant(field, text);
    }

    private static Instant end(String field, String value) {
        String text = value.strip();
        return DATE.matcher(text).matches() ? startOfDay(date(field, text).plusDays(1)) : instant(field, text);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "is not a date: " + value);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field,
                    "must be a date such as 2026-01-31 or an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Provider provider(String value) {
        try {
            return Provider.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("provider", "must be one of "
                    + Arrays.stream(Provider.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String model(String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > LONGEST_MODEL) {
            throw new InvalidParameterException("model", "must be at most " + LONGEST_MODEL + " characters");
        }
        return value.strip();
    }

    private static UUID keyId(String value) {
        if (!UUID_TEXT.matcher(value.strip()).matches()) {
            throw new InvalidParameterException("keyId", "must be a UUID");
        }
        return UUID.fromString(value.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
