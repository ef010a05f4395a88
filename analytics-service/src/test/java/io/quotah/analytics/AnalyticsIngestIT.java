package io.quotah.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.analytics.usage.UsageStore;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.DeadLetters;
import io.quotah.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@RealInfrastructure
class AnalyticsIngestIT {

    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @Autowired
    EventPublisher publisher;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UsageStore usage;
    @Autowired
    org.springframework.boot.kafka.autoconfigure.KafkaProperties kafkaProperties;

    @Test
    void stores_each_snapshot_once_with_unknown_limits_kept_unknown() {
        String workspace = "ws-" + UUID.randomUUID();
        RateLimitSnapshot snapshot = RateLimitSnapshot.captured(workspace, UUID.randomUUID(), Provider.ANTHROPIC,
                "claude-haiku-4-5", Instant.now(), SnapshotSource.PROBE, List.of(
                        new RateLimitWindow(WindowKind.REQUESTS, 50L, 49L, Instant.now().plusSeconds(1)),
                        new RateLimitWindow(WindowKind.OUTPUT_TOKENS, null, null, null)),
                Duration.ofSeconds(3));

        publisher.publish(snapshot).join();
        publisher.publish(snapshot).join(); // a redelivery

        await().untilAsserted(() -> assertThat(count("rate_limit_snapshot", workspace)).isEqualTo(1));
        assertThat(jdbc.sql("SELECT limit_value FROM rate_limit_window WHERE event_id = ? AND kind = 'OUTPUT_TOKENS'")
                .param(snapshot.eventId()).query(Long.class).optional()).isEmpty();
    }

    @Test
    void a_revised_bucket_replaces_the_old_totals_and_a_replay_counts_nothing_twice() {
        String workspace = "ws-" + UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        UsageEvent first = usage(workspace, connection, 10, Instant.now().minusSeconds(60));
        UsageEvent revised = usage(workspace, connection, 25, Instant.now());

        publisher.publish(first).join();
        publisher.publish(revised).join();
        publisher.publish(first).join(); // the old version, replayed late: must not win

        await().untilAsserted(() -> assertThat(usage.dailyTotals(workspace, HOUR.minus(Duration.ofDays(1)),
                HOUR.plus(Duration.ofDays(1)))).singleElement().satisfies(day -> {
                    assertThat(day.requests()).isEqualTo(25);
                    assertThat(day.inputTokens()).isEqualTo(2500);
                }));
        assertThat(count("usage_bucket", workspace)).isEqualTo(1);
    }

    @Test
    void a_malformed_record_is_dead_lettered_with_the_reason_and_the_next_one_is_handled() {
        String workspace = "ws-" + UUID.randomUUID();
        byte[] garbage = "{\"eventId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8);

        kafka.send(new ProducerRecord<>(Topics.USAGE_EVENTS, workspace, garbage)).join();
        publisher.publish(usage(workspace, UUID.randomUUID(), 7, Instant.now())).join();

        await().untilAsserted(() -> assertThat(count("usage_bucket", workspace)).isEqualTo(1));
        var dead = DeadLetters.awaitOne(String.join(",", kafkaProperties.getBootstrapServers()), Topics.USAGE_EVENTS, workspace);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.reason()).contains("InvalidEventException", "$.eventId");
        assertThat(dead.originalConsumerGroup()).isEqualTo("analytics-service");
    }

    private int count(String table, String workspace) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = ?").param(workspace)
                .query(Integer.class).single();
    }

    private static UsageEvent usage(String workspace, UUID connection, long requests, Instant revisedAt) {
        Instant end = HOUR.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.OPENAI, connection, null, HOUR, end, "gpt-4o-mini", "default",
                UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, revisedAt, 1, connection, Provider.OPENAI, null, "gpt-4o-mini", HOUR,
                end, requests, requests * 100, requests * 10, 0, 0, 0, null, "default", Money.usd("0.01"),
                UsageSource.ADMIN_API);
    }
}
