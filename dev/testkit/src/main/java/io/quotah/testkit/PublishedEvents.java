package io.quotah.testkit;

import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.serde.EventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything published to some topics while a test runs, read by a consumer group of its own from the start of
 * each topic: what a test asserts a service told the others. Close it when the test class ends.
 */
public final class PublishedEvents implements AutoCloseable {

    private final List<QuotahEvent> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, QuotahEvent> consumer;
    private final Thread reader;

    private PublishedEvents(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(topics);
        reader = Thread.ofPlatform().daemon(true).name("published-events").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> seen.add(record.value()));
                }
            } catch (WakeupException closing) {
                // close() asked the reader to stop
            } finally {
                consumer.close();
            }
        });
    }

    /** Starts reading {@code topics} of the test run's broker. */
    public static PublishedEvents of(String... topics) {
        return new PublishedEvents(Infrastructure.kafka().bootstrapServers(), List.of(topics));
    }

    /** The events of a type read so far that match, in the order they were read. */
    public <T extends QuotahEvent> List<T> of(Class<T> type, Predicate<? super T> matching) {
        return seen.stream().filter(type::isInstance).map(type::cast).filter(matching).toList();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(Duration.ofSeconds(10));
    }
}
