package io.quotah.poller.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** provider-poller-service owns the snapshot, usage and connection topics and reads account deletions. */
@Configuration(proxyBeanMethods = false)
class ProviderPollerTopics {

    @Bean
    KafkaAdmin.NewTopics pollerOwnedTopics() {
        return TopicDeclarations.of(EventType.RATE_LIMIT_SNAPSHOT.topic(), EventType.USAGE_EVENT.topic(),
                EventType.CONNECTION_CHANGED.topic());
    }

    /** Declared by their readers too, so start order does not matter; with the dead-letter topic for poison. */
    @Bean
    KafkaAdmin.NewTopics pollerConsumedTopics() {
        return TopicDeclarations.consumed(EventType.USER_DELETED.topic());
    }
}
