package io.quotah.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.contracts.serde.EventDeserializer;
import io.quotah.platform.inbox.ProcessedEvents;
import io.quotah.platform.outbox.Outbox;
import io.quotah.platform.outbox.OutboxRelay;
import io.quotah.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@RealInfrastructure
class OutboxIT {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ProcessedEvents processed;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaProperties kafka;

    private final String workspace = "ws-" + UUID.randomUUID();

    @TestConfiguration
    static class OutboxTestTopics {
        @Bean
        KafkaAdmin.NewTopics outboxTestTopics() {
            return io.quotah.platform.events.TopicDeclarations.of(EventType.CONNECTION_CHANGED.topic(),
                    EventType.USER_DELETED.topic());
        }
    }

    @Test
    void an_event_committed_with_its_change_reaches_kafka_keyed_by_workspace_with_its_type() {
        ConnectionChanged changed = new ConnectionChanged(UUID.randomUUID(), workspace, Instant.now(), 1,
                UUID.randomUUID(), Provider.ANTHROPIC, "prod", "sk-ant-…abcd", ConnectionChanged.Change.ADDED, null);

        transaction.executeWithoutResult(status -> outbox.append(changed));

        List<ConsumerRecord<String, QuotahEvent>> records = readKeyed(io.quotah.contracts.events.Topics.CONNECTIONS, 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(changed);
            assertThat(new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("ConnectionChanged");
        });
        await().until(() -> pendingFor(workspace) == 0);
    }

    @Test
    void an_event_of_a_rolled_back_change_is_never_sent() {
        transaction.executeWithoutResult(status -> {
            outbox.append(UserDeleted.of("user-1", workspace));
            status.setRollbackOnly();
        });

        assertThat(pendingFor(workspace)).isZero();
        transaction.executeWithoutResult(status -> outbox.append(UserDeleted.of("user-2", workspace)));
        // Order holds per workspace: the only record is the committed one.
        assertThat(readKeyed(io.quotah.contracts.events.Topics.USERS, 1))
                .extracting(record -> ((UserDeleted) record.value()).userId())
                .containsExactly("user-2");
    }

    @Test
    void the_outbox_refuses_an_event_outside_a_transaction() {
        assertThatThrownBy(() -> outbox.append(UserDeleted.of("user-1", workspace)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void the_ledger_recognises_a_redelivered_event() {
        UUID eventId = UUID.randomUUID();

        Boolean first = transaction.execute(status -> processed.firstDelivery("test-consumer", eventId));
        Boolean again = transaction.execute(status -> processed.firstDelivery("test-consumer", eventId));
        Boolean otherConsumer = transaction.execute(status -> processed.firstDelivery("other-consumer", eventId));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherConsumer).isTrue();
    }

    private int pendingFor(String key) {
        return jdbc.sql("SELECT count(*) FROM platform.outbox_event WHERE message_key = ?").param(key)
                .query(Integer.class).single();
    }

    private List<ConsumerRecord<String, QuotahEvent>> readKeyed(String topic, int expected) {
        List<ConsumerRecord<String, QuotahEvent>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, QuotahEvent>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (workspace.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
