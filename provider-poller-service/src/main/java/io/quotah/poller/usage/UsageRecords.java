package io.quotah.poller.usage;

import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.usage.UsageIngest.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads one customer usage record into a {@link UsageRecord} and checks it: its fields (Bean Validation), its
 * key (one the workspace watches), its time (neither future nor older than 400 days). A field of the wrong
 * type is named and the rest still checked, so every reason is told at once.
 */
@Component
class UsageRecords {

    private static final Duration OLDEST = Duration.ofDays(400);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> COUNTS = Set.of("requests", "inputTokens", "outputTokens",
            "cacheWrite5mTokens", "cacheWrite1hTokens", "cacheReadTokens", "reasoningTokens");
    /** Strict: 1.5 is not a token count, nor is "12" or true, nor is 12 a model name or a time. */
    private static final ObjectReader RECORDS = JsonMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build()
            .readerFor(UsageRecord.class);

    private final Validator validator;

    UsageRecords(Validator validator) {
        this.validator = validator;
    }

    /**
     * The record as a UsageEvent of the workspace, or every reason it cannot be one.
     *
     * @param watched the workspace's key of an id, empty for a key it does not watch
     */
    Checked check(String workspaceId, JsonNode node, Instant now, Function<UUID, Optional<Connection>> watched) {
        List<FieldProblem> problems = new ArrayList<>();
        UsageEvent event = event(workspaceId, node, now, watched, problems);
        return new Checked(event, List.copyOf(problems));
    }

    private UsageEvent event(String workspaceId, JsonNode node, Instant now,
            Function<UUID, Optional<Connection>> watched, List<FieldProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem("", "must be an object"));
            return null;
        }
        UsageRecord record = read((ObjectNode) node.deepCopy(), problems);
        Set<String> wrongType = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        validator.validate(record).stream()
                .filter(violation -> !wrongType.contains(violation.getPropertyPath().toString()))
                .sorted(Comparator.comparing((ConstraintViolation<UsageRecord> v) -> v.getPropertyPath().toString()))
                .forEach(violation -> problems.add(new FieldProblem(violation.getPropertyPath().toString(),
                        violation.getMessage())));
        Connection connection = null;
        if (record.keyId() != null && !record.keyId().isBlank() && !wrongType.contains("keyId")
                && record.keyId().length() <= 36) {
            try {
                UUID key = UUID.fromString(record.keyId().trim());
                connection = watched.apply(key).orElse(null);
                if (connection == null) {
                    problems.add(new FieldProblem("keyId", "is not a key this workspace watches"));
                }
            } catch (IllegalArgumentException notUuid) {
                problems.add(new FieldProblem("keyId", "is not a UUID"));
            }
        }
        Instant occurredAt = record.occurredAt();
        if (occurredAt != null && occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("occurredAt", "is in the future"));
        } else if (occurredAt != null && occurredAt.isBefore(now.minus(OLDEST))) {
            problems.add(new FieldProblem("occurredAt", "is more than 400 days ago"));
        }
        boolean countsRead = problems.stream().noneMatch(problem -> problem.field().equals("outputTokens")
                || problem.field().equals("reasoningTokens"));
        if (countsRead && orZero(record.reasoningTokens()) > orZero(record.outputTokens())) {
            problems.add(new FieldProblem("reasoningTokens", "are part of outputTokens and cannot exceed them"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        // The customer's id names the record; the same id sent again is the same event.
        UUID eventId = UUID.nameUUIDFromBytes(("ingest|" + workspaceId + "|" + record.keyId().trim() + "|"
                + record.id().trim()).getBytes(StandardCharsets.UTF_8));
        return new UsageEvent(eventId, workspaceId, now, UsageEvent.SCHEMA_VERSION, connection.id(),
                connection.provider(), null, record.model().trim(), occurredAt, occurredAt.plusMillis(1),
                record.requests() == null ? 1 : record.requests(), orZero(record.inputTokens()),
                orZero(record.outputTokens()), orZero(record.cacheWrite5mTokens()),
                orZero(record.cacheWrite1hTokens()), orZero(record.cacheReadTokens()), record.reasoningTokens(),
                record.serviceTier(), null, UsageSource.INGEST);
    }

    /**
     * The record, with each field of the wrong type named in {@code problems} and left out, so the rest of the
     * record is still checked and every reason is told at once.
     */
    private static UsageRecord read(ObjectNode node, List<FieldProblem> problems) {
        JsonNode occurredAt = node.get("occurredAt");
        if (occurredAt != null && !occurredAt.isNull() && !occurredAt.isString()) {
            // Jackson would take a number as epoch seconds; a customer's time is an ISO-8601 text, never a guess
            problems.add(new FieldProblem("occurredAt", wrongType("occurredAt")));
            node.remove("occurredAt");
        }
        while (true) {
            try {
                return RECORDS.readValue(node);
            } catch (JacksonException e) {
                String field = e.getPath().isEmpty() ? null : e.getPath().getFirst().getPropertyName();
                if (field == null || !node.has(field)) {
                    problems.add(new FieldProblem("", "cannot be read as a usage record"));
                    return RECORDS.readValue(node.objectNode());
                }
                problems.add(new FieldProblem(field, wrongType(field)));
                node.remove(field);
            }
        }
    }

    private static String wrongType(String field) {
        if (field.equals("occurredAt")) {
            return "is not an ISO-8601 instant such as 2026-11-27T10:15:30Z";
        }
        return COUNTS.contains(field) ? UsageRecord.COUNT : "must be a string";
    }

    private static long orZero(Long count) {
        return count == null ? 0 : count;
    }

    /** A record's event, or (with no event) the reasons it has none. */
    record Checked(UsageEvent event, List<FieldProblem> problems) {
    }
}
