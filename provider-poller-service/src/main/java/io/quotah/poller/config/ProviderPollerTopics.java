package io.quotah.poller.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics provider-poller-service owns and publishes to. */
@Configuration(proxyBeanMethods = false)
class ProviderPollerTopics {

    @Bean
    KafkaAdmin.NewTopics pollerOwnedTopics() {
        return TopicDeclarations.of(EventType.RATE_LIMIT_SNAPSHOT.topic(), EventType.USAGE_EVENT.topic(),
                EventType.CONNECTION_CHANGED.topic());
    }

    /** Declared by consumers too, so start order does not matter. */
    @Bean
    KafkaAdmin.NewTopics pollerConsumedTopics() {
        return TopicDeclarations.of(EventType.USER_DELETED.topic());
    }
}
