package io.quotah.poller.usage;

import io.quotah.platform.events.EventPublisher;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.Connections;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Takes a customer's usage records as UsageEvents. Each record is checked on its own ({@link UsageRecords}):
 * bad ones are answered with their reasons, good ones in the same batch are kept. A record's {@code id} (the
 * customer's) makes it idempotent: sending a batch again counts nothing twice.
 */
@Service
class UsageIngest {

    static final int MAX_BATCH = 1000;

    private final Connections connections;
    private final EventPublisher events;
    private final UsageRecords records;
    private final Clock clock;

    UsageIngest(Connections connections, EventPublisher events, UsageRecords records, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.records = records;
        this.clock = clock;
    }

    /** Publishes the good records and answers once the broker has every one of them. */
    Answer ingest(String workspaceId, List<JsonNode> batch) {
        Map<UUID, Optional<Connection>> keys = new HashMap<>();
        Function<UUID, Optional<Connection>> watched = key -> keys.computeIfAbsent(key,
                k -> connections.find(workspaceId, k));
        List<Rejection> rejected = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (int index = 0; index < batch.size(); index++) {
            JsonNode node = batch.get(index);
            UsageRecords.Checked checked = records.check(workspaceId, node, now, watched);
            if (checked.event() == null) {
                String id = node != null && node.path("id").isString() ? node.path("id").asString() : null;
                rejected.add(new Rejection(index, id, checked.problems()));
            } else {
                sent.add(events.publish(checked.event()));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return new Answer(sent.size(), rejected);
    }

    /** How many records were kept, and each refused one with its reasons. */
    record Answer(int accepted, List<Rejection> rejected) {
    }

    /** A refused record: its place in the batch, its id where it had one, and what is wrong with it. */
    record Rejection(int index, String id, List<FieldProblem> errors) {
    }

    /** What is wrong with one field of a record. */
    record FieldProblem(String field, String message) {
    }
}
