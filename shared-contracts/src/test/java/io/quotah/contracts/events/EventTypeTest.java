package io.quotah.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void each_topic_and_its_dead_letter_topic_carry_one_type() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.byTopic(type.topic().name())).contains(type);
            assertThat(EventType.byTopic(type.topic().deadLetter().name())).contains(type);
            assertThat(EventType.byTypeName(type.typeName())).contains(type);
        }
    }

    @Test
    void an_unknown_topic_carries_no_type() {
        assertThat(EventType.byTopic("quotah.nothing.v1")).isEmpty();
    }

    @Test
    void every_sample_event_knows_its_type() {
        assertThat(SampleEvents.all()).extracting(QuotahEvent::type).containsExactly(EventType.values());
    }
}
