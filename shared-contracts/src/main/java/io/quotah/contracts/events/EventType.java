package io.quotah.contracts.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events: each type's name (sent in the {@value #HEADER} record header), its record
 * class, its topic and the JSON Schema it must satisfy. One event type per topic.
 */
public enum EventType {

    RATE_LIMIT_SNAPSHOT("RateLimitSnapshot", RateLimitSnapshot.class,
            new TopicSpec(Topics.RATE_LIMIT_SNAPSHOTS, TopicSpec.DEFAULT_PARTITIONS, Duration.ofDays(7), false)),
    USAGE_EVENT("UsageEvent", UsageEvent.class,
            new TopicSpec(Topics.USAGE_EVENTS, TopicSpec.DEFAULT_PARTITIONS, Duration.ofDays(30), false)),
    CONNECTION_CHANGED("ConnectionChanged", ConnectionChanged.class,
            new TopicSpec(Topics.CONNECTIONS, TopicSpec.DEFAULT_PARTITIONS, Duration.ofDays(30), false)),
    ALERT_RAISED("AlertRaised", AlertRaised.class,
            new TopicSpec(Topics.ALERTS, TopicSpec.DEFAULT_PARTITIONS, Duration.ofDays(14), false)),
    // Compacted: a service deployed later still learns of every workspace that was deleted.
    USER_DELETED("UserDeleted", UserDeleted.class,
            new TopicSpec(Topics.USERS, TopicSpec.DEFAULT_PARTITIONS, null, true));

    /** The record header naming the event type. */
    public static final String HEADER = "quotah-event-type";

    private final String typeName;
    private final Class<? extends QuotahEvent> recordClass;
    private final TopicSpec topic;

    EventType(String typeName, Class<? extends QuotahEvent> recordClass, TopicSpec topic) {
        this.typeName = typeName;
        this.recordClass = recordClass;
        this.topic = topic;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends QuotahEvent> recordClass() {
        return recordClass;
    }

    public TopicSpec topic() {
        return topic;
    }

    /** The schema's resource path on the classpath. */
    public String schemaResource() {
        return "/schemas/" + typeName + ".schema.json";
    }

    public static EventType of(QuotahEvent event) {
        return switch (event) {
            case RateLimitSnapshot ignored -> RATE_LIMIT_SNAPSHOT;
            case UsageEvent ignored -> USAGE_EVENT;
            case ConnectionChanged ignored -> CONNECTION_CHANGED;
            case AlertRaised ignored -> ALERT_RAISED;
            case UserDeleted ignored -> USER_DELETED;
        };
    }

    public static Optional<EventType> byTypeName(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }

    /** The type carried on a topic or on its dead-letter topic. */
    public static Optional<EventType> byTopic(String topic) {
        String main = topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length())
                : topic;
        return Arrays.stream(values()).filter(type -> type.topic.name().equals(main)).findFirst();
    }
}
