package io.quotah.dev.simulator.usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of report buckets, as both providers paginate them: at most {@code limit} buckets from the start
 * (or from where the page token says), and a token for the rest while buckets remain before the end.
 *
 * @param bucketStarts the start of each bucket on this page
 * @param nextPage     the opaque token of the next page, or null on the last page
 */
public record ReportPage(List<Instant> bucketStarts, String nextPage) {

    private static final String PREFIX = "page_";

    public ReportPage {
        bucketStarts = List.copyOf(bucketStarts);
    }

    /**
     * @param end exclusive; buckets start before it
     * @throws IllegalArgumentException when the page token is not one this simulator made
     */
    public static ReportPage of(Instant start, Instant end, BucketWidth width, int limit, String pageToken) {
        Instant first = pageToken == null ? width.alignDown(start) : decode(pageToken);
        List<Instant> starts = new ArrayList<>();
        Instant bucket = first;
        while (bucket.isBefore(end) && starts.size() < limit) {
            starts.add(bucket);
            bucket = bucket.plus(width.duration());
        }
        return new ReportPage(starts, bucket.isBefore(end) ? encode(bucket) : null);
    }

    public boolean hasMore() {
        return nextPage != null;
    }

    private static String encode(Instant bucket) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bucket.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant decode(String token) {
        try {
            if (!token.startsWith(PREFIX)) {
                throw new IllegalArgumentException("invalid page token: " + token);
            }
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
            return Instant.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid page token: " + token, e);
        }
    }
}
