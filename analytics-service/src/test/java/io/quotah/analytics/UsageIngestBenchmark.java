package io.quotah.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.contracts.serde.EventCodec;
import io.quotah.testkit.RealInfrastructure;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The ingest benchmark (not part of {@code mvn verify}: its name does not end in IT). It publishes N usage events
 * (200,000 by default) while the service's usage listener is stopped, then measures, over the very same records:
 * <ol>
 * <li>the broker's raw consume rate: a plain KafkaConsumer reading the bytes, no group, no decoding;</li>
 * <li>PostgreSQL's raw COPY rate: CopyManager copying N rows of usage_bucket's shape into an unlogged table
 * without indexes (and, for reference, into a plain copy of usage_bucket with its indexes);</li>
 * <li>the service's ingest rate: the usage listener started again, until the consumer group has committed the last
 * record (each poll decoded and schema-checked, upserted with its hourly and daily rollups in one transaction).</li>
 * </ol>
 * Run it alone: {@code mvn -B -ntp -o -pl analytics-service verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=UsageIngestBenchmark [-Dbenchmark.events=200000]}; the figures
 * are printed in {@code target/failsafe-reports/io.quotah.analytics.UsageIngestBenchmark-output.txt} and on the
 * console. It asserts that everything was stored, never a time.
 */
@SpringBootTest
@RealInfrastructure
class UsageIngestBenchmark {

    private static final List<String> ANTHROPIC = List.of("claude-sonnet-4-5-20250929", "claude-haiku-4-5",
            "claude-opus-4-6");
    private static final List<String> OPENAI = List.of("gpt-4o-mini-2024-07-18", "gpt-5-2025-08-07", "o4-mini");
    private static final String COLUMNS = "event_id, workspace_id, connection_id, provider, provider_key_id, model, "
            + "service_tier, source, bucket_start, bucket_end, requests, input_tokens, output_tokens, "
            + "cache_write_5m_tokens, cache_write_1h_tokens, cache_read_tokens, reasoning_tokens, reported_cost, "
            + "reported_currency, revised_at";

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void measures_usage_events_ingested_per_second_beside_raw_kafka_and_postgresql_rates() throws Exception {
        int count = Integer.getInteger("benchmark.events", 200_000);
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<UsageEvent> events = events(run, count);
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        MessageListenerContainer ingest = listeners.getListenerContainer("usage-ingest");
        assertThat(ingest).as("the usage listener's container").isNotNull();
        ingest.stop();
        await().atMost(Duration.ofMinutes(1)).until(() -> !ingest.isRunning());

        long encodeStart = System.nanoTime();
        EventCodec codec = EventCodec.standard();
        List<byte[]> payloads = events.stream().map(codec::encode).toList();
        double encodeSeconds = seconds(encodeStart);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> before = endOffsets(admin);
            long publishStart = System.nanoTime();
            publish(bootstrap, events, payloads);
            double publishSeconds = seconds(publishStart);
            Map<TopicPartition, Long> after = endOffsets(admin);
            long published = after.entrySet().stream().mapToLong(end -> end.getValue() - before.get(end.getKey())).sum();
            assertThat(published).as("records published while nothing else wrote to the topic").isEqualTo(count);

            double[] raw = consumeRaw(bootstrap, before, after);
            double decodeRate = decodeRate(codec, payloads);
            String csv = csv(events);
            double copyUnlogged = copy(csv, count, "CREATE UNLOGGED TABLE %s (LIKE usage_bucket)");
            double copyIndexed = copy(csv, count, "CREATE TABLE %s (LIKE usage_bucket INCLUDING ALL)");

            long ingestStart = System.nanoTime();
            ingest.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> committedBeyond(admin, before) > 0);
            double firstCommitSeconds = seconds(ingestStart);
            long firstCommitted = committedBeyond(admin, before);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> committedUpTo(admin, before, after));
            double ingestSeconds = seconds(ingestStart);

            long stored = jdbc.sql("SELECT count(*) FROM usage_bucket WHERE workspace_id LIKE :run")
                    .param("run", run + "-%").query(Long.class).single();
            long rolledUp = jdbc.sql("SELECT coalesce(sum(requests), 0) FROM usage_daily WHERE workspace_id LIKE :run")
                    .param("run", run + "-%").query(Long.class).single();
            assertThat(stored).isEqualTo(count);
            assertThat(rolledUp).isEqualTo(events.stream().mapToLong(UsageEvent::requests).sum());

            String report = String.join(System.lineSeparator(),
                    "",
                    "=== Usage ingest benchmark: %,d UsageEvents (%,d workspaces, %.1f MB of JSON) ===".formatted(
                            count, workspaces(count), payloads.stream().mapToLong(p -> p.length).sum() / 1e6),
                    "  analytics-service ingest (decode, upsert, hourly + daily rollups): %,10.0f events/s  (%.1f s)"
                            .formatted(count / ingestSeconds, ingestSeconds),
                    "    of which %.1f s until the first commit (the group's rebalance on start); after it: %,.0f events/s"
                            .formatted(firstCommitSeconds, (count - firstCommitted) / (ingestSeconds - firstCommitSeconds)),
                    "  Kafka raw consume (plain KafkaConsumer, bytes):                   %,10.0f records/s (%.1f s, %.0f MB/s)"
                            .formatted(raw[0], count / raw[0], raw[1]),
                    "  PostgreSQL raw COPY (CopyManager, unlogged table, no index):      %,10.0f rows/s"
                            .formatted(copyUnlogged),
                    "  for reference: COPY into a logged copy of usage_bucket + indexes: %,10.0f rows/s"
                            .formatted(copyIndexed),
                    "  for reference: event decode + JSON Schema check, one thread:      %,10.0f events/s"
                            .formatted(decodeRate),
                    "  (setup: encoding %.1f s, publishing %.1f s; batch size and consumers as configured)"
                            .formatted(encodeSeconds, publishSeconds),
                    "");
            System.out.println(report);
        } finally {
            if (!ingest.isRunning()) {
                ingest.start();
            }
        }
    }

    private static int workspaces(int count) {
        return Math.max(1, Math.min(200, count / 1000));
    }

    /**
     * Minute buckets of a few hours, as a busy organisation's pollers send them: per workspace two keys (one per
     * provider), three models each, two tiers; a tenth of the events are daily cost-only events.
     */
    private static List<UsageEvent> events(String run, int count) {
        Random random = new Random(1);
        int workspaces = workspaces(count);
        List<UsageEvent> events = new ArrayList<>(count);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        Instant polled = Instant.parse("2026-11-27T00:00:00Z");
        Map<String, UUID[]> keys = new HashMap<>();
        for (int index = 0; index < count; index++) {
            String workspace = run + "-" + (index % workspaces);
            UUID[] connections = keys.computeIfAbsent(workspace, w -> new UUID[] {UUID.randomUUID(), UUID.randomUUID()});
            int series = index / workspaces;
            boolean anthropic = series % 2 == 0;
            Provider provider = anthropic ? Provider.ANTHROPIC : Provider.OPENAI;
            UUID connection = connections[anthropic ? 0 : 1];
            String model = (anthropic ? ANTHROPIC : OPENAI).get((series / 2) % 3);
            String tier = (series / 6) % 2 == 0 ? (anthropic ? "standard" : "default") : "batch";
            if (index % 10 == 9) {
                Instant day = start.plus(Duration.ofDays(series % 28));
                UUID id = UsageEvent.idFor(provider, connection, "cost-report-" + series, day, day.plus(Duration.ofDays(1)),
                        model, tier, UsageSource.ADMIN_API);
                events.add(new UsageEvent(id, workspace, polled, UsageEvent.SCHEMA_VERSION, connection, provider, null,
                        model, day, day.plus(Duration.ofDays(1)), 0, 0, 0, 0, 0, 0, null, tier,
                        Money.usd(random.nextInt(100_000) + "." + random.nextInt(100)), UsageSource.ADMIN_API));
                continue;
            }
            Instant bucket = start.plus(Duration.ofMinutes(series / 12));
            String keyId = "key-" + (series % 12) / 6;
            UUID id = UsageEvent.idFor(provider, connection, keyId, bucket, bucket.plusSeconds(60), model, tier,
                    UsageSource.ADMIN_API);
            events.add(new UsageEvent(id, workspace, polled, UsageEvent.SCHEMA_VERSION, connection, provider, keyId,
                    model, bucket, bucket.plusSeconds(60), 1 + random.nextInt(50), random.nextInt(200_000),
                    random.nextInt(20_000), anthropic ? random.nextInt(10_000) : 0, anthropic ? random.nextInt(5_000) : 0,
                    random.nextInt(100_000), anthropic ? null : (long) random.nextInt(5_000), tier, null,
                    UsageSource.ADMIN_API));
        }
        return events;
    }

    private static void publish(String bootstrap, List<UsageEvent> events, List<byte[]> payloads) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        byte[] type = EventType.USAGE_EVENT.typeName().getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int index = 0; index < events.size(); index++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.USAGE_EVENTS,
                        events.get(index).workspaceId(), payloads.get(index));
                record.headers().add(EventType.HEADER, type);
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Records/s and MB/s of a plain consumer reading the published records: assigned partitions, no group. */
    private static double[] consumeRaw(String bootstrap, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        List<TopicPartition> partitions = from.keySet().stream().filter(p -> to.get(p) > from.get(p)).toList();
        long records = 0;
        long bytes = 0;
        long wanted = partitions.stream().mapToLong(p -> to.get(p) - from.get(p)).sum();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, from.get(partition)));
            long start = System.nanoTime();
            while (records < wanted) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                        bytes += record.value().length;
                    }
                }
            }
            double elapsed = seconds(start);
            return new double[] {records / elapsed, bytes / elapsed / 1e6};
        }
    }

    private static double decodeRate(EventCodec codec, List<byte[]> payloads) {
        long start = System.nanoTime();
        long requests = 0;
        for (byte[] payload : payloads) {
            UsageEvent event = codec.decode(EventType.USAGE_EVENT, payload);
            requests += event.requests();
        }
        assertThat(requests).isPositive();
        return payloads.size() / seconds(start);
    }

    private String csv(List<UsageEvent> events) {
        StringBuilder csv = new StringBuilder(events.size() * 260);
        for (UsageEvent event : events) {
            csv.append(event.eventId()).append(',').append(event.workspaceId()).append(',')
                    .append(event.connectionId()).append(',').append(event.provider()).append(',')
                    .append(event.providerKeyId() == null ? "" : event.providerKeyId()).append(',')
                    .append(event.model()).append(',').append(event.serviceTier()).append(',')
                    .append(event.source()).append(',').append(event.bucketStart()).append(',')
                    .append(event.bucketEnd()).append(',').append(event.requests()).append(',')
                    .append(event.inputTokens()).append(',').append(event.outputTokens()).append(',')
                    .append(event.cacheWrite5mTokens()).append(',').append(event.cacheWrite1hTokens()).append(',')
                    .append(event.cacheReadTokens()).append(',')
                    .append(event.reasoningTokens() == null ? "" : event.reasoningTokens()).append(',')
                    .append(event.reportedCost() == null ? "" : event.reportedCost().amount().toPlainString())
                    .append(',').append(event.reportedCost() == null ? "" : event.reportedCost().currency())
                    .append(',').append(event.occurredAt()).append('\n');
        }
        return csv.toString();
    }

    /** Rows/s of a COPY of the rows into a new table made by {@code create}, dropped afterwards. */
    private double copy(String csv, int count, String create) throws Exception {
        String table = "bench_copy_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(create.formatted(table));
            try {
                long start = System.nanoTime();
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(csv));
                double elapsed = seconds(start);
                assertThat(copied).isEqualTo(count);
                return count / elapsed;
            } finally {
                connection.createStatement().execute("DROP TABLE " + table);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var topic = admin.describeTopics(List.of(Topics.USAGE_EVENTS)).allTopicNames().get().get(Topics.USAGE_EVENTS);
        Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream().collect(Collectors.toMap(
                partition -> new TopicPartition(Topics.USAGE_EVENTS, partition.partition()),
                partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** How many of the published records the service's consumer group has committed. */
    private static long committedBeyond(Admin admin, Map<TopicPartition, Long> from) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analytics-service")
                .partitionsToOffsetAndMetadata().get();
        return from.entrySet().stream().mapToLong(start -> {
            OffsetAndMetadata offset = committed.get(start.getKey());
            return offset == null ? 0 : Math.max(0, offset.offset() - start.getValue());
        }).sum();
    }

    /** The service's consumer group has committed every published record, so each one's transaction is done. */
    private static boolean committedUpTo(Admin admin, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analytics-service")
                .partitionsToOffsetAndMetadata().get();
        return to.entrySet().stream().filter(end -> end.getValue() > from.get(end.getKey())).allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return offset != null && offset.offset() >= end.getValue();
        });
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
