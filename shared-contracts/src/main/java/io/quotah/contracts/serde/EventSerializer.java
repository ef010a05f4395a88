package io.quotah.contracts.serde;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.QuotahEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for events: schema-checked JSON, with the event type in the {@value EventType#HEADER} header. */
public class EventSerializer implements Serializer<QuotahEvent> {

    private final EventCodec codec = EventCodec.standard();

    @Override
    public byte[] serialize(String topic, QuotahEvent event) {
        return event == null ? null : codec.encode(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, QuotahEvent event) {
        if (event == null) {
            return null;
        }
        headers.remove(EventType.HEADER);
        headers.add(EventType.HEADER, event.type().typeName().getBytes(StandardCharsets.UTF_8));
        return codec.encode(event);
    }
}
