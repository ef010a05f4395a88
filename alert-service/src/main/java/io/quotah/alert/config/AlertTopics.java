package io.quotah.alert.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** alert-service owns the alerts topic and reads snapshots, usage, key changes and account deletions. */
@Configuration(proxyBeanMethods = false)
class AlertTopics {

    @Bean
    KafkaAdmin.NewTopics alertOwnedTopics() {
        return TopicDeclarations.of(EventType.ALERT_RAISED.topic());
    }

    @Bean
    KafkaAdmin.NewTopics alertConsumedTopics() {
        return TopicDeclarations.consumed(EventType.RATE_LIMIT_SNAPSHOT.topic(), EventType.USAGE_EVENT.topic(),
                EventType.CONNECTION_CHANGED.topic(),
                EventType.USER_DELETED.topic());
    }
}
