package io.quotah.contracts.serde;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.QuotahEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for events. The type comes from the {@value EventType#HEADER} header, else from the
 * topic (one type per topic). Throws {@link InvalidEventException} for a record that is not a valid event;
 * wrap it in an error-handling deserializer so such a record is dead-lettered instead of blocking.
 */
public class EventDeserializer implements Deserializer<QuotahEvent> {

    private final EventCodec codec = EventCodec.standard();

    @Override
    public QuotahEvent deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(typeOfTopic(topic), data);
    }

    @Override
    public QuotahEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        Header header = headers.lastHeader(EventType.HEADER);
        if (header == null) {
            return codec.decode(typeOfTopic(topic), data);
        }
        String typeName = new String(header.value(), StandardCharsets.UTF_8);
        EventType type = EventType.byTypeName(typeName).orElseThrow(() -> new InvalidEventException(typeName,
                List.of(EventType.HEADER + ": unknown event type '" + typeName + "'")));
        return codec.decode(type, data);
    }

    private static EventType typeOfTopic(String topic) {
        return EventType.byTopic(topic).orElseThrow(() -> new InvalidEventException("event",
                List.of(EventType.HEADER + ": header missing and topic '" + topic + "' carries no known event type")));
    }
}
