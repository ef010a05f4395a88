package io.quotah.platform.events;

import io.quotah.contracts.events.QuotahEvent;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes an event straight to its topic, keyed by workspace. For events that record a state change
 * use the {@link io.quotah.platform.outbox.Outbox} instead, so the change and the event commit together.
 */
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;

    public EventPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, Object>> publish(QuotahEvent event) {
        return template.send(event.type().topic().name(), event.workspaceId(), event);
    }
}
