package io.quotah.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.contracts.serde.EventSerializer;
import io.quotah.testkit.DeadLetters;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.PostgresServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The event-driven shape, end to end through a real broker: analytics-service and alert-service run as
 * their own processes (as `./quotah up` runs them) and each receives every record the poller publishes,
 * in its own consumer group; a malformed record is dead-lettered by each and both keep going; and a
 * consumer killed mid-stream resumes after restart without losing or double-applying anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventFlowIT {

    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

    private static final Map<QuotahService, PostgresServer.Database> databases = new EnumMap<>(QuotahService.class);
    private static ServiceLauncher launcher;
    private static ManagedProcess analytics;
    private static ManagedProcess alert;
    private static KafkaProducer<String, Object> producer;

    private final String workspace = "ws-" + UUID.randomUUID();

    @BeforeAll
    static void startAnalyticsAndAlert() throws Exception {
        String kafka = Infrastructure.kafka().bootstrapServers();
        createTopicsAsTheirOwnersWould(kafka);
        for (QuotahService service : List.of(QuotahService.ANALYTICS, QuotahService.ALERT)) {
            databases.put(service, Infrastructure.postgres().createDatabase("quotah_flow_" + service.name()));
            System.setProperty(service.portVariable(), Integer.toString(freePort()));
        }
        PostgresServer.Database any = databases.get(QuotahService.ANALYTICS);
        Map<QuotahService, String> urls = new EnumMap<>(QuotahService.class);
        databases.forEach((service, db) -> urls.put(service, db.url()));
        StackLayout layout = StackLayout.fromSystem();
        layout.createFolders();
        launcher = new ServiceLauncher(layout, ServiceLauncher.environment(any.user(), any.password(), urls,
                Infrastructure.redis().url(), kafka));
        analytics = launcher.start(QuotahService.ANALYTICS);
        alert = launcher.start(QuotahService.ALERT);
        awaitReady(QuotahService.ANALYTICS, analytics);
        awaitReady(QuotahService.ALERT, alert);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new AnySerializer());
    }

    @AfterAll
    static void stopAll() {
        if (producer != null) {
            producer.close();
        }
        for (ManagedProcess process : new ManagedProcess[] {analytics, alert}) {
            if (process != null) {
                process.stop(Duration.ofSeconds(20));
            }
        }
    }

    @Test
    @Order(1)
    void each_service_receives_every_record_in_its_own_consumer_group() {
        int snapshots = 40;
        UUID connection = UUID.randomUUID();
        for (int i = 0; i < snapshots; i++) {
            publish(snapshot(connection, i));
        }
        for (int hour = 0; hour < 10; hour++) {
            publish(usage(connection, hour, 5 + hour, "0.50"));
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(QuotahService.ANALYTICS, "SELECT count(*) FROM rate_limit_snapshot WHERE workspace_id = ?"))
                    .isEqualTo(snapshots);
            assertThat(count(QuotahService.ALERT, "SELECT sum(snapshots_seen) FROM connection_activity WHERE workspace_id = ?"))
                    .isEqualTo(snapshots);
            assertThat(count(QuotahService.ANALYTICS, "SELECT sum(requests) FROM usage_bucket WHERE workspace_id = ?"))
                    .isEqualTo(95);
            assertThat(count(QuotahService.ALERT, "SELECT count(*) FROM spend_bucket WHERE workspace_id = ?"))
                    .isEqualTo(10);
        });
    }

    @Test
    @Order(2)
    void a_malformed_record_is_dead_lettered_by_each_consumer_and_both_keep_going() {
        byte[] wrongType = "{\"eventId\":42,\"workspaceId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.RATE_LIMIT_SNAPSHOTS, workspace, wrongType));
        UUID connection = UUID.randomUUID();
        publish(snapshot(connection, 0));
        producer.flush();

        var dead = DeadLetters.awaitAll(Infrastructure.kafka().bootstrapServers(), Topics.RATE_LIMIT_SNAPSHOTS,
                workspace, 2);
        assertThat(dead).extracting(DeadLetters.DeadLetter::originalConsumerGroup)
                .containsExactlyInAnyOrder("analytics-service", "alert-service");
        assertThat(dead).allSatisfy(letter -> {
            assertThat(letter.value()).isEqualTo(wrongType);
            assertThat(letter.reason()).contains("$.eventId");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(QuotahService.ANALYTICS, "SELECT count(*) FROM rate_limit_snapshot WHERE workspace_id = ?"))
                    .isEqualTo(1);
            assertThat(count(QuotahService.ALERT, "SELECT sum(snapshots_seen) FROM connection_activity WHERE workspace_id = ?"))
                    .isEqualTo(1);
        });
        assertThat(analytics.isAlive()).isTrue();
        assertThat(alert.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void consumers_killed_mid_stream_resume_without_loss_or_double_counting() {
        UUID connection = UUID.randomUUID();
        int total = 600;
        for (int i = 0; i < total / 2; i++) {
            publish(snapshot(connection, i));
        }
        producer.flush();
        // Kill both while they work through the stream: uncommitted records will be delivered again.
        await().atMost(Duration.ofSeconds(60)).until(() -> count(QuotahService.ALERT,
                "SELECT coalesce(sum(snapshots_seen), 0) FROM connection_activity WHERE workspace_id = ?") > 0);
        analytics.stop(Duration.ZERO);
        alert.stop(Duration.ZERO);
        for (int i = total / 2; i < total; i++) {
            publish(snapshot(connection, i));
        }
        for (int hour = 0; hour < 24; hour++) {
            publish(usage(connection, hour, 100, "1.25"));
        }
        producer.flush();

        analytics = launcher.start(QuotahService.ANALYTICS);
        alert = launcher.start(QuotahService.ALERT);
        awaitReady(QuotahService.ANALYTICS, analytics);
        awaitReady(QuotahService.ALERT, alert);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(count(QuotahService.ANALYTICS, "SELECT count(*) FROM rate_limit_snapshot WHERE workspace_id = ?"))
                    .isEqualTo(total);
            assertThat(count(QuotahService.ALERT, "SELECT sum(snapshots_seen) FROM connection_activity WHERE workspace_id = ?"))
                    .isEqualTo(total);
            assertThat(count(QuotahService.ANALYTICS, "SELECT sum(requests) FROM usage_bucket WHERE workspace_id = ?"))
                    .isEqualTo(2400);
            assertThat(count(QuotahService.ALERT,
                    "SELECT (sum(reported_cost) * 100)::bigint FROM spend_bucket WHERE workspace_id = ?"))
                    .isEqualTo(3000);
        });
    }

    private void publish(QuotahEvent event) {
        producer.send(new ProducerRecord<>(event.type().topic().name(), event.workspaceId(), event));
    }

    private RateLimitSnapshot snapshot(UUID connection, int sequence) {
        Instant at = Instant.now().plusMillis(sequence);
        return RateLimitSnapshot.captured(workspace, connection, Provider.ANTHROPIC, "claude-sonnet-4-5", at,
                SnapshotSource.PROBE, List.of(new RateLimitWindow(WindowKind.INPUT_TOKENS, 400_000L,
                        400_000L - (sequence % 400) * 1000L, at.plusSeconds(2))), null);
    }

    private UsageEvent usage(UUID connection, int hour, long requests, String cost) {
        Instant start = HOUR.minus(Duration.ofHours(hour + 1));
        Instant end = start.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.ANTHROPIC, connection, null, start, end, "claude-sonnet-4-5", "standard",
                UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, Instant.now(), UsageEvent.SCHEMA_VERSION, connection, Provider.ANTHROPIC,
                null, "claude-sonnet-4-5", start, end, requests, requests * 1000, requests * 100, 0, 0, 0, null,
                "standard", Money.usd(cost), UsageSource.ADMIN_API);
    }

    private long count(QuotahService service, String sql) throws Exception {
        PostgresServer.Database db = databases.get(service);
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspace);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void awaitReady(QuotahService service, ManagedProcess process) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("%s is running; its log ends:%n%s", service.module(),
                    process.isAlive() ? "" : process.tail(40)).isTrue();
            return Readiness.isReady(service.readinessUrl());
        });
    }

    private static void createTopicsAsTheirOwnersWould(String bootstrap) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            for (EventType type : EventType.values()) {
                NewTopic topic = new NewTopic(type.topic().name(), type.topic().partitions(), (short) 1);
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Events as the services' producers send them; anything else as the raw bytes given. */
    static final class AnySerializer implements org.apache.kafka.common.serialization.Serializer<Object> {
        private final EventSerializer events = new EventSerializer();
        private final ByteArraySerializer bytes = new ByteArraySerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            return data instanceof QuotahEvent event ? events.serialize(topic, event) : bytes.serialize(topic,
                    (byte[]) data);
        }

        @Override
        public byte[] serialize(String topic, org.apache.kafka.common.header.Headers headers, Object data) {
            return data instanceof QuotahEvent event ? events.serialize(topic, headers, event)
                    : bytes.serialize(topic, headers, (byte[]) data);
        }
    }
}
