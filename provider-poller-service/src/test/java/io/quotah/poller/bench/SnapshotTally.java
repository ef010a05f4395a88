package io.quotah.poller.bench;

import io.quotah.contracts.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the RateLimitSnapshot records one workspace published, by their timestamp. Values stay bytes: the
 * benchmark shares the cores with the poller and need not pay to decode what it only counts.
 */
final class SnapshotTally implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String workspace;
    private final List<Long> publishedAtMillis = new ArrayList<>();

    SnapshotTally(String bootstrapServers, String workspace) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "poller-benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.workspace = workspace;
        consumer.subscribe(List.of(Topics.RATE_LIMIT_SNAPSHOTS));
    }

    void read(Duration atMost) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(atMost)) {
            if (workspace.equals(record.key())) {
                publishedAtMillis.add(record.timestamp());
            }
        }
    }

    /** Reads up to the end of every partition as it stands now. */
    void catchUp() {
        Instant giveUp = Instant.now().plusSeconds(30);
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (Instant.now().isBefore(giveUp)
                && ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            read(Duration.ofMillis(200));
        }
    }

    long between(Instant start, Instant end) {
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        return publishedAtMillis.stream().filter(at -> at >= from && at < to).count();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
