package io.quotah.poller.provider.openai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Go's {@code time.Duration} text, as OpenAI's reset headers carry it: {@code 1s}, {@code 6m0s},
 * {@code 12ms}, {@code 1h2m3.5s}, {@code 250us}. Units may repeat in Go's grammar but never do in practice;
 * both are accepted.
 */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private GoDuration() {
    }

    /** @throws IllegalArgumentException for anything that is not a non-negative Go duration */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String value = text.trim();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(value);
        BigDecimal nanos = BigDecimal.ZERO;
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                break;
            }
            nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(nanosPer(matcher.group(2))));
            position = matcher.end();
        }
        if (position == 0 || position != value.length()) {
            throw new IllegalArgumentException("not a Go duration: " + text);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static BigDecimal nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
