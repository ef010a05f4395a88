package io.quotah.testkit;

import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/** Reads what consumers parked on a dead-letter topic, for tests. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A dead-lettered record with the reasons put in its headers.
     *
     * @param reason the innermost error, as the consumer's error handler recorded it
     */
    public record DeadLetter(String key, byte[] value, String reason, String originalConsumerGroup) {
    }

    /** Waits until the dead-letter topic of {@code topic} holds records keyed {@code key}, and returns them all. */
    public static List<DeadLetter> awaitAll(String bootstrapServers, String topic, String key, int atLeast) {
        List<DeadLetter> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(topic)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(new DeadLetter(record.key(), record.value(),
                                header(record, "quotah-dead-letter-reason"),
                                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)));
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    public static DeadLetter awaitOne(String bootstrapServers, String topic, String key) {
        return awaitAll(bootstrapServers, topic, key, 1).getFirst();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
