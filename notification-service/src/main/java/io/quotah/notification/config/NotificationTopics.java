package io.quotah.notification.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics notification-service reads, with their dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class NotificationTopics {

    @Bean
    KafkaAdmin.NewTopics notificationConsumedTopics() {
        return TopicDeclarations.consumed(EventType.ALERT_RAISED.topic(), EventType.USER_DELETED.topic());
    }
}
