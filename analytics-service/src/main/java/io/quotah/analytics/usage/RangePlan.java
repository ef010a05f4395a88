package io.quotah.analytics.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How a range of bucket starts is read at the least cost and exactly: whole UTC days from the daily rollup, whole
 * hours at its edges from the hourly rollup, and what is left of a partial hour at either end from the buckets.
 * Every bucket start in [from, to) falls in exactly one segment.
 */
record RangePlan(List<Segment> buckets, List<Segment> hours, List<Segment> days) {

    /** A half-open stretch of time [start, end). */
    record Segment(Instant start, Instant end) {
    }

    static RangePlan of(Instant from, Instant to) {
        List<Segment> buckets = new ArrayList<>();
        List<Segment> hours = new ArrayList<>();
        List<Segment> days = new ArrayList<>();
        Instant firstHour = ceil(from, ChronoUnit.HOURS);
        Instant lastHour = to.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            add(buckets, from, to);
            return new RangePlan(buckets, hours, days);
        }
        Instant firstDay = ceil(firstHour, ChronoUnit.DAYS);
        Instant lastDay = lastHour.truncatedTo(ChronoUnit.DAYS);
        add(buckets, from, firstHour);
        if (firstDay.isBefore(lastDay)) {
            add(hours, firstHour, firstDay);
            add(days, firstDay, lastDay);
            add(hours, lastDay, lastHour);
        } else {
            add(hours, firstHour, lastHour);
        }
        add(buckets, lastHour, to);
        return new RangePlan(buckets, hours, days);
    }

    private static Instant ceil(Instant instant, ChronoUnit unit) {
        Instant floor = instant.truncatedTo(unit);
        return floor.equals(instant) ? floor : floor.plus(1, unit);
    }

    private static void add(List<Segment> segments, Instant start, Instant end) {
        if (start.isBefore(end)) {
            segments.add(new Segment(start, end));
        }
    }
}
