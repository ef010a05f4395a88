package io.quotah.dev.simulator.openai;

import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.LimitWindow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code x-ratelimit-*} headers. Resets are Go durations until the bucket is full, to the millisecond
 * (rounded up). When a model has both a per-minute and a per-day request limit, the requests headers
 * describe whichever has less left.
 */
final class OpenAiRateLimitHeaders {

    private OpenAiRateLimitHeaders() {
    }

    static Map<String, String> of(Map<LimitWindow, BucketState> states) {
        BucketState requests = requests(states);
        BucketState tokens = states.get(LimitWindow.TOKENS_PER_MINUTE);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit-requests", Long.toString(requests.limit()));
        headers.put("x-ratelimit-limit-tokens", Long.toString(tokens.limit()));
        headers.put("x-ratelimit-remaining-requests", Long.toString(requests.remaining()));
        headers.put("x-ratelimit-remaining-tokens", Long.toString(tokens.remaining()));
        headers.put("x-ratelimit-reset-requests", GoDuration.format(ceilToMillis(requests.untilFull())));
        headers.put("x-ratelimit-reset-tokens", GoDuration.format(ceilToMillis(tokens.untilFull())));
        return headers;
    }

    static Duration ceilToMillis(Duration duration) {
        long millis = duration.toMillis();
        return Duration.ofMillis(Duration.ofMillis(millis).equals(duration) ? millis : millis + 1);
    }

    private static BucketState requests(Map<LimitWindow, BucketState> states) {
        BucketState perMinute = states.get(LimitWindow.REQUESTS_PER_MINUTE);
        BucketState perDay = states.get(LimitWindow.REQUESTS_PER_DAY);
        return perDay != null && perDay.remaining() < perMinute.remaining() ? perDay : perMinute;
    }
}
