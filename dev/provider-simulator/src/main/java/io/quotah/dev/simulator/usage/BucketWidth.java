package io.quotah.dev.simulator.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bucket widths of both providers' usage reports, with their documented buckets per page (default and
 * maximum; Anthropic and OpenAI agree on these).
 */
public enum BucketWidth {
    MINUTE("1m", ChronoUnit.MINUTES, 60, 1440),
    HOUR("1h", ChronoUnit.HOURS, 24, 168),
    DAY("1d", ChronoUnit.DAYS, 7, 31);

    private final String id;
    private final ChronoUnit unit;
    private final int defaultLimit;
    private final int maxLimit;

    BucketWidth(String id, ChronoUnit unit, int defaultLimit, int maxLimit) {
        this.id = id;
        this.unit = unit;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public static Optional<BucketWidth> parse(String id) {
        return Arrays.stream(values()).filter(width -> width.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public int maxLimit() {
        return maxLimit;
    }

    public Duration duration() {
        return unit.getDuration();
    }

    /** The start of the bucket holding {@code at} (buckets are aligned to UTC). */
    public Instant alignDown(Instant at) {
        return at.truncatedTo(unit);
    }

    public Instant alignUp(Instant at) {
        Instant down = alignDown(at);
        return down.equals(at) ? at : down.plus(duration());
    }
}
