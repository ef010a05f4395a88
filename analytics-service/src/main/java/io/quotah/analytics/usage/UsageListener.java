package io.quotah.analytics.usage;

import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Upserts usage buckets a poll at a time: each poll's events in one transaction, and the offsets are committed
 * after it. A record that is not a usage event, or that the database refuses, is pinpointed: the records before it
 * are stored, and it is handed to the platform's error handler (retried, then dead-lettered) by its index, so one
 * bad record never takes the rest of its batch down with it.
 */
@Component
class UsageListener {

    /** The id of the usage listener's container (its consumer group stays the service's). */
    static final String ID = "usage-ingest";

    private static final Logger log = LoggerFactory.getLogger(UsageListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(UsageListener.class);

    private final UsageStore store;

    UsageListener(UsageStore store) {
        this.store = store;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.USAGE_EVENTS,
            containerFactory = UsageIngestConfiguration.FACTORY)
    void on(List<ConsumerRecord<String, Object>> records) {
        List<UsageEvent> batch = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, Object> record = records.get(index);
            if (record.value() instanceof UsageEvent usage) {
                batch.add(usage);
                continue;
            }
            store(batch);
            throw new BatchListenerFailedException("not a usage event: " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), notUsage(record), index);
        }
        store(batch);
    }

    /** Stores a batch; if that fails, stores its events one by one up to the one that fails, and names that one. */
    private void store(List<UsageEvent> batch) {
        try {
            store.upsertAll(batch);
        } catch (RuntimeException batchFailure) {
            log.warn("a batch of {} usage events failed ({}); storing them one by one", batch.size(),
                    batchFailure.toString());
            for (int index = 0; index < batch.size(); index++) {
                UsageEvent usage = batch.get(index);
                try {
                    store.upsertAll(List.of(usage));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException("usage event " + usage.eventId() + " of workspace "
                            + usage.workspaceId() + " could not be stored", failure, index);
                }
            }
        }
    }

    private static RuntimeException notUsage(ConsumerRecord<String, Object> record) {
        if (record.value() == null) {
            DeserializationException invalid = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            if (invalid != null) {
                return invalid;
            }
            return new IllegalArgumentException("an empty record");
        }
        return new IllegalArgumentException("a " + record.value().getClass().getSimpleName() + ", not a UsageEvent");
    }
}
