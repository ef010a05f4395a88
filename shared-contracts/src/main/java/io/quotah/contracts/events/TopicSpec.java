package io.quotah.contracts.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How a topic is laid out. Kept here as plain data so the owning service, the local stack and the tests
 * all create a topic the same way.
 *
 * @param retention how long records are kept; {@code null} keeps them until compaction replaces them
 * @param compacted whether only the newest record per key must survive
 */
public record TopicSpec(String name, int partitions, Duration retention, boolean compacted) {

    /** Start with 12: consumer groups scale up to this many replicas per service. */
    public static final int DEFAULT_PARTITIONS = 12;

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (retention == null && !compacted) {
            throw new IllegalArgumentException("topic " + name + " needs a retention or compaction");
        }
    }

    /** The dead-letter topic beside this one: same partitions, kept long enough for someone to look. */
    public TopicSpec deadLetter() {
        return new TopicSpec(Topics.deadLetterOf(name), partitions, Duration.ofDays(14), false);
    }
}
