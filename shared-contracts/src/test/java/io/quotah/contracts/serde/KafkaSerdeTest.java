package io.quotah.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.SampleEvents;
import io.quotah.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaSerdeTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void the_serializer_names_the_event_type_in_a_header() {
        var headers = new RecordHeaders();

        serializer.serialize(Topics.USAGE_EVENTS, headers, SampleEvents.usage());

        assertThat(new String(headers.lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("UsageEvent");
    }

    @Test
    void every_event_survives_the_kafka_serde_on_its_own_topic() {
        for (QuotahEvent event : SampleEvents.all()) {
            var headers = new RecordHeaders();
            String topic = event.type().topic().name();

            byte[] bytes = serializer.serialize(topic, headers, event);

            assertThat(deserializer.deserialize(topic, headers, bytes)).isEqualTo(event);
            assertThat(deserializer.deserialize(topic, bytes)).as("without headers, by topic").isEqualTo(event);
        }
    }

    @Test
    void a_dead_lettered_record_is_still_readable_by_topic() {
        var event = SampleEvents.snapshot();
        byte[] bytes = serializer.serialize(Topics.RATE_LIMIT_SNAPSHOTS, new RecordHeaders(), event);

        assertThat(deserializer.deserialize(Topics.deadLetterOf(Topics.RATE_LIMIT_SNAPSHOTS), bytes)).isEqualTo(event);
    }

    @Test
    void an_unknown_type_header_is_refused() {
        var headers = new RecordHeaders().add(EventType.HEADER, "Nope".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.USERS, headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type 'Nope'");
    }

    @Test
    void a_tombstone_stays_null() {
        assertThat(serializer.serialize(Topics.USERS, null)).isNull();
        assertThat(deserializer.deserialize(Topics.USERS, new RecordHeaders(), (byte[]) null)).isNull();
    }
}
