package io.quotah.analytics.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics analytics-service reads, with their dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class AnalyticsTopics {

    @Bean
    KafkaAdmin.NewTopics analyticsConsumedTopics() {
        return TopicDeclarations.consumed(EventType.RATE_LIMIT_SNAPSHOT.topic(), EventType.USAGE_EVENT.topic(),
                EventType.CONNECTION_CHANGED.topic(), EventType.USER_DELETED.topic());
    }
}
