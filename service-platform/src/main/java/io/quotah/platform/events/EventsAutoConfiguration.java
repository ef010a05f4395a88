package io.quotah.platform.events;

import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.serde.EventDeserializer;
import io.quotah.contracts.serde.EventSerializer;
import io.quotah.contracts.serde.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Event plumbing every service shares. Producers are idempotent with acks=all. Consumers start from the
 * earliest record of a new group, commit only after the listener (and its database transaction) returned,
 * retry a failing record a bounded number of times, then park it on {@code <topic>.dlt} with the error in
 * its headers and move on. A record that is not a valid event goes to the dead-letter topic at once.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    /** Header on a dead-lettered record: the innermost error, e.g. which field broke the schema. */
    public static final String DEAD_LETTER_REASON_HEADER = "quotah-dead-letter-reason";

    private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);

    @Bean
    ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Events go out as schema-checked JSON; dead-lettered and outbox records are already bytes.
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(QuotahEvent.class, new EventSerializer());
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    KafkaTemplate<String, Object> eventKafkaTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> eventKafkaTemplate) {
        return new EventPublisher(eventKafkaTemplate);
    }

    /** Typed loosely on purpose: Boot's listener container factory asks for {@code ConsumerFactory<Object, Object>}. */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConsumerFactory<Object, Object> eventConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(config, (Deserializer) new StringDeserializer(),
                (Deserializer) new ErrorHandlingDeserializer<>(new EventDeserializer()));
    }

    @Bean
    CommonErrorHandler eventErrorHandler(KafkaTemplate<String, Object> eventKafkaTemplate, EventsProperties events) {
        var recoverer = new DeadLetterPublishingRecoverer(eventKafkaTemplate, (record, error) -> {
            log.warn("dead-lettering {}-{}@{} after {} attempts: {}", record.topic(), record.partition(),
                    record.offset(), events.retryAttempts() + 1, rootMessage(error));
            // No partition: the record is keyed by workspace, so the partitioner keeps its tenant's order.
            return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
        });
        // Spring's own exception header says only "failed to deserialize"; name the field that was wrong.
        recoverer.setHeadersFunction((record, error) -> new RecordHeaders().add(DEAD_LETTER_REASON_HEADER,
                rootMessage(error).getBytes(StandardCharsets.UTF_8)));
        var backOff = new ExponentialBackOff(events.retryInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(events.retryMaxBackoff().toMillis());
        backOff.setMaxAttempts(events.retryAttempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // A record that is not a valid event will never become one: no point retrying it.
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, EventsProperties events) {
        return new KafkaHealthIndicator(kafkaAdmin, events.healthTimeout());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
