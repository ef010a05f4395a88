package io.quotah.analytics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.analytics.usage.RangePlan.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RangePlanTest {

    @Test
    void whole_days_come_from_the_daily_rollup_alone() {
        RangePlan plan = RangePlan.of(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-04T00:00:00Z"));

        assertThat(plan.days()).containsExactly(segment("2026-09-01T00:00:00Z", "2026-09-04T00:00:00Z"));
        assertThat(plan.hours()).isEmpty();
        assertThat(plan.buckets()).isEmpty();
    }

    @Test
    void ragged_ends_come_from_the_hourly_rollup_and_the_buckets() {
        RangePlan plan = RangePlan.of(Instant.parse("2026-09-01T10:30:00Z"), Instant.parse("2026-09-03T05:15:00Z"));

        assertThat(plan.buckets()).containsExactly(segment("2026-09-01T10:30:00Z", "2026-09-01T11:00:00Z"),
                segment("2026-09-03T05:00:00Z", "2026-09-03T05:15:00Z"));
        assertThat(plan.hours()).containsExactly(segment("2026-09-01T11:00:00Z", "2026-09-02T00:00:00Z"),
                segment("2026-09-03T00:00:00Z", "2026-09-03T05:00:00Z"));
        assertThat(plan.days()).containsExactly(segment("2026-09-02T00:00:00Z", "2026-09-03T00:00:00Z"));
    }

    @Test
    void a_range_within_an_hour_is_read_from_the_buckets() {
        RangePlan plan = RangePlan.of(Instant.parse("2026-09-01T10:10:00Z"), Instant.parse("2026-09-01T10:50:00Z"));

        assertThat(plan.buckets()).containsExactly(segment("2026-09-01T10:10:00Z", "2026-09-01T10:50:00Z"));
        assertThat(plan.hours()).isEmpty();
        assertThat(plan.days()).isEmpty();
    }

    @Test
    void every_instant_of_any_range_falls_in_exactly_one_aligned_segment() {
        Random random = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int run = 0; run < 5000; run++) {
            Instant from = base.plusSeconds(random.nextInt(10 * 86_400));
            Instant to = from.plusSeconds(random.nextInt(5 * 86_400));
            if (random.nextBoolean()) { // ranges on whole hours and days too
                ChronoUnit unit = random.nextBoolean() ? ChronoUnit.HOURS : ChronoUnit.DAYS;
                from = from.truncatedTo(unit);
                to = to.truncatedTo(unit).isBefore(from) ? from : to.truncatedTo(unit);
            }

            RangePlan plan = RangePlan.of(from, to);

            List<Segment> all = new ArrayList<>(plan.buckets());
            all.addAll(plan.hours());
            all.addAll(plan.days());
            all.sort(Comparator.comparing(Segment::start));
            Instant cursor = from;
            for (Segment segment : all) {
                assertThat(segment.start()).isEqualTo(cursor);
                assertThat(segment.end()).isAfter(segment.start());
                cursor = segment.end();
            }
            assertThat(cursor).isEqualTo(from.equals(to) ? from : to);
            plan.hours().forEach(hours -> assertThat(aligned(hours, ChronoUnit.HOURS)).isTrue());
            plan.days().forEach(days -> assertThat(aligned(days, ChronoUnit.DAYS)).isTrue());
            plan.buckets().forEach(buckets -> assertThat(Duration.between(buckets.start(), buckets.end()))
                    .isLessThan(Duration.ofHours(2)));
        }
    }

    private static boolean aligned(Segment segment, ChronoUnit unit) {
        return segment.start().truncatedTo(unit).equals(segment.start())
                && segment.end().truncatedTo(unit).equals(segment.end());
    }

    private static Segment segment(String start, String end) {
        return new Segment(Instant.parse(start), Instant.parse(end));
    }
}
