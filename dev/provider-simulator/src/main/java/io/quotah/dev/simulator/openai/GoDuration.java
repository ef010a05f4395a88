package io.quotah.dev.simulator.openai;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats a duration exactly as Go's {@code time.Duration.String()} does, which is what OpenAI's
 * {@code x-ratelimit-reset-*} headers and 429 messages carry: {@code 0s}, {@code 12ms}, {@code 1.5s},
 * {@code 6m0s}, {@code 1h2m3.5s}. Under a second the unit shrinks (ms, µs, ns) and keeps a fraction;
 * from a second on, hours and minutes are whole and seconds carry the fraction, trailing zeros dropped.
 */
public final class GoDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < NANOS_PER_SECOND) {
            if (u < 1_000) {
                return sign + u + "ns";
            }
            if (u < 1_000_000) {
                return sign + (u / 1_000) + fraction(u % 1_000, 3) + "µs";
            }
            return sign + (u / 1_000_000) + fraction(u % 1_000_000, 6) + "ms";
        }
        StringBuilder text = new StringBuilder();
        long seconds = u / NANOS_PER_SECOND;
        String secondsPart = (seconds % 60) + fraction(u % NANOS_PER_SECOND, 9) + "s";
        long minutes = seconds / 60;
        if (minutes > 0) {
            long hours = minutes / 60;
            if (hours > 0) {
                text.append(hours).append('h');
            }
            text.append(minutes % 60).append('m');
        }
        return sign + text + secondsPart;
    }

    /** {@code .5} for 500 of 3 digits; empty when the fraction is zero. */
    private static String fraction(long value, int digits) {
        if (value == 0) {
            return "";
        }
        String padded = String.format(Locale.ROOT, "%0" + digits + "d", value);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        return "." + padded.substring(0, end);
    }
}
