package io.quotah.analytics.headroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quotah.analytics.config.AnalyticsProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live headroom of each workspace in Redis, one hash per workspace so that an answer is one HGETALL.
 * Key {@code <namespace>:headroom:{<workspaceId>}}; its fields:
 * <ul>
 * <li>{@code <connectionId>|<model, or * when none>}: a series' {@link SeriesState} as JSON;
 * <li>{@code <connectionId>}: the connection's provider, label and masked key;
 * <li>{@value #BUILT}: there once the hash holds all PostgreSQL had. Being a field, it goes whenever the hash
 * goes (a restart, an eviction), so a hash without it is rebuilt, never trusted half-empty.
 * </ul>
 * Every write merges into what is there with a compare-and-set, so concurrent or out-of-order writers never
 * lose each other's data. Everything here is derived: losing it costs a rebuild.
 */
@Component
public class HeadroomCache {

    static final String BUILT = "#built";

    private static final Logger log = LoggerFactory.getLogger(HeadroomCache.class);
    private static final String NO_MODEL = "*";
    private static final int MAX_ATTEMPTS = 10;

    /** Replaces a field only if it still holds what the writer read ('' for absent). */
    private static final String COMPARE_AND_SET = """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if (current or '') ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1
            """;

    /** Deletes a connection's field and every one of its series in one step. */
    private static final String DROP_CONNECTION = """
            local dropped = 0
            local prefix = ARGV[1] .. '|'
            for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
              if field == ARGV[1] or string.sub(field, 1, string.len(prefix)) == prefix then
                dropped = dropped + redis.call('HDEL', KEYS[1], field)
              end
            end
            return dropped
            """;

    /** Compact and fast to read: instants as epoch milliseconds, absent numbers left out. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final UnifiedJedis redis;
    private final String namespace;
    private final int maxSamples;

    HeadroomCache(UnifiedJedis redis, AnalyticsProperties properties) {
        this.redis = redis;
        this.namespace = properties.redisNamespace();
        this.maxSamples = properties.forecastSamples();
    }

    /** The workspace's headroom, or empty when Redis does not hold all of it (never built, or lost). */
    Optional<CachedWorkspace> read(String workspaceId) {
        Map<String, String> fields = redis.hgetAll(key(workspaceId));
        if (!fields.containsKey(BUILT)) {
            return Optional.empty();
        }
        Map<UUID, CachedConnection> connections = new HashMap<>();
        List<CachedWorkspace.Series> series = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.equals(BUILT)) {
                return;
            }
            try {
                int bar = field.indexOf('|');
                if (bar < 0) {
                    connections.put(UUID.fromString(field), decode(value, CachedConnection.class));
                } else {
                    series.add(new CachedWorkspace.Series(UUID.fromString(field.substring(0, bar)),
                            decode(value, SeriesState.class)));
                }
            } catch (JacksonException | IllegalArgumentException e) {
                // One unreadable field must not take the whole answer down; the next write replaces it.
                log.warn("skipping unreadable headroom field {} of workspace {}: {}", field, workspaceId, e.toString());
            }
        });
        return Optional.of(new CachedWorkspace(connections, series));
    }

    void merge(String workspaceId, UUID connectionId, SeriesState state) {
        String field = connectionId + "|" + (state.model() == null ? NO_MODEL : state.model());
        merge(workspaceId, field, state, SeriesState.class, (current, incoming) -> current.merge(incoming, maxSamples));
    }

    void merge(String workspaceId, UUID connectionId, CachedConnection connection) {
        merge(workspaceId, connectionId.toString(), connection, CachedConnection.class, CachedConnection::merge);
    }

    void dropConnection(String workspaceId, UUID connectionId) {
        redis.eval(DROP_CONNECTION, List.of(key(workspaceId)), List.of(connectionId.toString()));
    }

    void markBuilt(String workspaceId) {
        redis.hset(key(workspaceId), BUILT, "1");
    }

    /** Drops everything held for the workspace. */
    public void forgetWorkspace(String workspaceId) {
        redis.del(key(workspaceId));
    }

    /** A field that cannot be read (a format of another version) is replaced rather than blocking every write. */
    private static <T> T readable(String value, Class<T> type, String workspaceId, String field) {
        try {
            return decode(value, type);
        } catch (JacksonException e) {
            log.warn("replacing unreadable headroom field {} of workspace {}: {}", field, workspaceId, e.toString());
            return null;
        }
    }

    static String encode(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T decode(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    String key(String workspaceId) {
        // The braces make the workspace a hash tag: its keys share a Redis Cluster slot.
        return namespace + ":headroom:{" + workspaceId + "}";
    }

    private <T> void merge(String workspaceId, String field, T incoming, Class<T> type, BinaryOperator<T> merge) {
        String key = key(workspaceId);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String current = redis.hget(key, field);
            T existing = current == null ? null : readable(current, type, workspaceId, field);
            T merged = existing == null ? incoming : merge.apply(existing, incoming);
            String encoded = encode(merged);
            if (encoded.equals(current)) {
                return;
            }
            Object replaced = redis.eval(COMPARE_AND_SET, List.of(key), List.of(field, current == null ? "" : current,
                    encoded));
            if (Long.valueOf(1).equals(replaced)) {
                return;
            }
        }
        throw new IllegalStateException("headroom field " + field + " of workspace " + workspaceId
                + " kept changing under " + MAX_ATTEMPTS + " attempts to merge into it");
    }
}
