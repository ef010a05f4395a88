package io.quotah.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.QuotahEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into JSON and back, checking each against its JSON Schema both ways, so nothing the
 * schema refuses is ever published and a malformed record is refused with the field that is wrong.
 * Thread-safe; one instance serves a whole process.
 */
public final class EventCodec {

    private static final EventCodec STANDARD = new EventCodec();

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // money and measures are plain decimals: a gpt-5-nano probe's $0.00000045 never travels as 4.5E-7
            .addModule(PlainDecimals.module())
            // Additive changes add optional fields: an older reader must not choke on them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    private EventCodec() {
        // Draft 2020-12 treats "format" as a note unless told otherwise; ids and instants must really be ones.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema on the classpath at " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static EventCodec standard() {
        return STANDARD;
    }

    public byte[] encode(QuotahEvent event) {
        JsonNode tree = mapper.valueToTree(event);
        requireValid(event.type(), tree);
        return mapper.writeValueAsBytes(tree);
    }

    public String encodeToString(QuotahEvent event) {
        JsonNode tree = mapper.valueToTree(event);
        requireValid(event.type(), tree);
        return mapper.writeValueAsString(tree);
    }

    /**
     * Reads an event of the given type.
     *
     * @throws InvalidEventException if the bytes are not JSON, break the schema, or fail the record's own checks
     */
    public <T extends QuotahEvent> T decode(EventType type, byte[] json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException(type.typeName(), List.of("$: not JSON (" + e.getOriginalMessage() + ")"));
        }
        requireValid(type, tree);
        try {
            @SuppressWarnings("unchecked")
            T event = (T) mapper.treeToValue(tree, type.recordClass());
            return event;
        } catch (JacksonException e) {
            // The record's compact constructor refused a value the schema could not express.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidEventException(type.typeName(), List.of("$: " + cause.getMessage()));
        }
    }

    private void requireValid(EventType type, JsonNode tree) {
        List<String> violations = schemas.get(type).validate(tree).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.typeName(), violations);
        }
    }
}
