package io.quotah.auth.config;

import io.quotah.contracts.events.EventType;
import io.quotah.platform.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics auth-service owns and publishes to. */
@Configuration(proxyBeanMethods = false)
class AuthTopics {

    @Bean
    KafkaAdmin.NewTopics authOwnedTopics() {
        return TopicDeclarations.of(EventType.USER_DELETED.topic());
    }
}
