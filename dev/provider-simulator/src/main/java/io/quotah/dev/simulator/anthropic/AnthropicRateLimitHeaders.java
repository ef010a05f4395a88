package io.quotah.dev.simulator.anthropic;

import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.LimitWindow;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code anthropic-ratelimit-*} headers of a Messages response. Resets are RFC 3339 instants, to the
 * second, of when the bucket is full again (rounded up: never earlier than the truth). Input and combined
 * token remainders are rounded to the nearest thousand, as Anthropic does; the combined {@code tokens-*}
 * group describes whichever of input and output has less left.
 */
final class AnthropicRateLimitHeaders {

    private AnthropicRateLimitHeaders() {
    }

    static Map<String, String> of(Map<LimitWindow, BucketState> states) {
        Map<String, String> headers = new LinkedHashMap<>();
        BucketState requests = states.get(LimitWindow.REQUESTS_PER_MINUTE);
        BucketState input = states.get(LimitWindow.INPUT_TOKENS_PER_MINUTE);
        BucketState output = states.get(LimitWindow.OUTPUT_TOKENS_PER_MINUTE);
        if (requests != null) {
            put(headers, "requests", requests, requests.remaining());
        }
        if (input != null) {
            put(headers, "input-tokens", input, roundToThousands(input.remaining()));
        }
        if (output != null) {
            put(headers, "output-tokens", output, output.remaining());
        }
        if (input != null && output != null) {
            BucketState tighter = output.remaining() < input.remaining() ? output : input;
            put(headers, "tokens", tighter, roundToThousands(tighter.remaining()));
        }
        return headers;
    }

    static long roundToThousands(long value) {
        return (value + 500) / 1000 * 1000;
    }

    /** RFC 3339 with second precision and Z, rounded up to the next whole second. */
    static String rfc3339(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return DateTimeFormatter.ISO_INSTANT.format(seconds.equals(instant) ? seconds : seconds.plusSeconds(1));
    }

    private static void put(Map<String, String> headers, String group, BucketState state, long remaining) {
        String prefix = "anthropic-ratelimit-" + group + "-";
        headers.put(prefix + "limit", Long.toString(state.limit()));
        headers.put(prefix + "remaining", Long.toString(remaining));
        headers.put(prefix + "reset", rfc3339(state.fullAt()));
    }
}
