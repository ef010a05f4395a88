package io.quotah.platform.events;

import io.quotah.contracts.events.TopicSpec;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Turns topic specs from shared-contracts into topics the service creates at start. Creating a topic that
 * exists with the same layout changes nothing, so a producer and its consumers may all declare it.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {
    }

    public static KafkaAdmin.NewTopics of(TopicSpec... specs) {
        return new KafkaAdmin.NewTopics(Arrays.stream(specs).map(TopicDeclarations::newTopic).toArray(NewTopic[]::new));
    }

    /** The topics a consumer reads and the dead-letter topics it writes to. */
    public static KafkaAdmin.NewTopics consumed(TopicSpec... specs) {
        return new KafkaAdmin.NewTopics(Arrays.stream(specs)
                .flatMap(spec -> java.util.stream.Stream.of(spec, spec.deadLetter()))
                .map(TopicDeclarations::newTopic)
                .toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(TopicSpec spec) {
        TopicBuilder builder = TopicBuilder.name(spec.name()).partitions(spec.partitions());
        if (spec.compacted()) {
            builder.compact();
        }
        if (spec.retention() != null) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
        }
        return builder.build();
    }
}
