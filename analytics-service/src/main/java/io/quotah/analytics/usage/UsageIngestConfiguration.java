package io.quotah.analytics.usage;

import io.quotah.analytics.config.AnalyticsProperties;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The usage topic is read in batches (up to {@code quotah.analytics.usage-batch-size} records a poll), by
 * {@code quotah.analytics.usage-consumers} consumers; everything else (error handling, dead letters, commits after
 * the listener) is configured as for the service's other listeners.
 */
@Configuration(proxyBeanMethods = false)
class UsageIngestConfiguration {

    static final String FACTORY = "usageBatchListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> usageBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            AnalyticsProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.usageConsumers());
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.usageBatchSize()));
        factory.getContainerProperties().setKafkaConsumerProperties(consumer);
        return factory;
    }
}
