package io.quotah.poller.usage;

import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.platform.events.EventPublisher;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.Connections;
import io.quotah.poller.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Usage records from a customer's own code, in batches. Each record is checked on its own: bad ones are
 * answered with their reasons, good ones in the same batch are kept. A record's {@code id} (the customer's)
 * makes it idempotent: sending a batch again counts nothing twice.
 */
@RestController
class UsageIngestController {

    static final int MAX_BATCH = 1000;
    private static final Duration OLDEST = Duration.ofDays(400);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> TIERS = Set.of("standard", "priority", "batch", "flex", "default", "scale");
    private static final List<String> COUNTS = List.of("requests", "inputTokens", "outputTokens",
            "cacheWrite5mTokens", "cacheWrite1hTokens", "cacheReadTokens", "reasoningTokens");

    private final Connections connections;
    private final EventPublisher events;
    private final Clock clock;

    UsageIngestController(Connections connections, EventPublisher events, Clock clock) {
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/api/usage/events")
    ResponseEntity<?> ingest(@AuthenticationPrincipal Jwt caller, @RequestBody JsonNode body) {
        JsonNode records = body.isArray() ? body : body.path("events");
        if (!records.isArray() || records.isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.badRequest("events",
                    "is required: a non-empty array of usage records"));
        }
        if (records.size() > MAX_BATCH) {
            return ResponseEntity.badRequest().body(Problems.badRequest("events",
                    "holds " + records.size() + " records; send at most " + MAX_BATCH + " per batch"));
        }
        String workspace = caller.getSubject();
        Map<UUID, Optional<Connection>> keys = new HashMap<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Instant now = clock.instant();
        for (int index = 0; index < records.size(); index++) {
            JsonNode record = records.get(index);
            List<Map<String, String>> errors = new ArrayList<>();
            UsageEvent event = event(workspace, record, now, keys, errors);
            if (event == null) {
                Map<String, Object> refusal = new LinkedHashMap<>();
                refusal.put("index", index);
                refusal.put("id", record.path("id").isString() ? record.path("id").asString() : null);
                refusal.put("errors", errors);
                rejected.add(refusal);
            } else {
                sent.add(events.publish(event));
            }
        }
        // the answer says "accepted" only once the broker has every accepted record
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return ResponseEntity.ok(Map.of("accepted", sent.size(), "rejected", rejected));
    }

    private UsageEvent event(String workspace, JsonNode record, Instant now, Map<UUID, Optional<Connection>> keys,
            List<Map<String, String>> errors) {
        if (!record.isObject()) {
            errors.add(error("", "must be an object"));
            return null;
        }
        String id = text(record, "id", 200, errors);
        String model = text(record, "model", 200, errors);
        Connection connection = null;
        String keyId = text(record, "keyId", 36, errors);
        if (keyId != null) {
            try {
                UUID key = UUID.fromString(keyId);
                connection = keys.computeIfAbsent(key, k -> connections.find(workspace, k)).orElse(null);
                if (connection == null) {
                    errors.add(error("keyId", "is not a key this workspace watches"));
                }
            } catch (IllegalArgumentException notUuid) {
                errors.add(error("keyId", "is not a UUID"));
            }
        }
        Instant occurredAt = null;
        if (record.path("occurredAt").isString()) {
            try {
                occurredAt = Instant.parse(record.path("occurredAt").asString());
                if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
                    errors.add(error("occurredAt", "is in the future"));
                } else if (occurredAt.isBefore(now.minus(OLDEST))) {
                    errors.add(error("occurredAt", "is more than 400 days ago"));
                }
            } catch (DateTimeParseException e) {
                errors.add(error("occurredAt", "is not an ISO-8601 instant such as 2026-11-27T10:15:30Z"));
            }
        } else {
            errors.add(error("occurredAt", "is required: an ISO-8601 instant"));
        }
        Map<String, Long> counts = new HashMap<>();
        for (String field : COUNTS) {
            JsonNode value = record.path(field);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                errors.add(error(field, "must be a whole number, 0 or more"));
            } else {
                counts.put(field, value.asLong());
            }
        }
        if (counts.getOrDefault("reasoningTokens", 0L) > counts.getOrDefault("outputTokens", 0L)) {
            errors.add(error("reasoningTokens", "are part of outputTokens and cannot exceed them"));
        }
        String tier = record.path("serviceTier").isString() ? record.path("serviceTier").asString() : null;
        if (tier != null && !TIERS.contains(tier)) {
            errors.add(error("serviceTier", "must be one of " + TIERS));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        // The customer's id names the record; the same id sent again is the same event.
        UUID eventId = UUID.nameUUIDFromBytes(("ingest|" + workspace + "|" + keyId + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
        return new UsageEvent(eventId, workspace, now, UsageEvent.SCHEMA_VERSION, connection.id(),
                connection.provider(), null, model, occurredAt, occurredAt.plusMillis(1),
                counts.getOrDefault("requests", 1L), counts.getOrDefault("inputTokens", 0L),
                counts.getOrDefault("outputTokens", 0L), counts.getOrDefault("cacheWrite5mTokens", 0L),
                counts.getOrDefault("cacheWrite1hTokens", 0L), counts.getOrDefault("cacheReadTokens", 0L),
                counts.get("reasoningTokens"), tier, null, UsageSource.INGEST);
    }

    private static String text(JsonNode record, String field, int max, List<Map<String, String>> errors) {
        JsonNode value = record.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(error(field, "is required"));
            return null;
        }
        if (value.asString().length() > max) {
            errors.add(error(field, "is longer than " + max + " characters"));
            return null;
        }
        return value.asString().trim();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
