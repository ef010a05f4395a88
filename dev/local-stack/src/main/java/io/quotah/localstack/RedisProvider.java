package io.quotah.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * Redis for the stack: one named by {@code QUOTAH_REDIS_URL}, else the one answering on 127.0.0.1:6379,
 * else an embedded one (a real redis-server shipped in a jar). It holds only state that can be rebuilt.
 */
final class RedisProvider implements AutoCloseable {

    private final String url;
    private final String origin;
    private final RedisServer embedded;

    private RedisProvider(String url, String origin, RedisServer embedded) {
        this.url = url;
        this.origin = origin;
        this.embedded = embedded;
    }

    static RedisProvider findOrStart(StackLayout layout) {
        String named = Settings.get("QUOTAH_REDIS_URL");
        if (named != null) {
            requirePing(named);
            return new RedisProvider(named, "yours (QUOTAH_REDIS_URL)", null);
        }
        String local = "redis://127.0.0.1:6379";
        if (Ports.answers("127.0.0.1", 6379)) {
            requirePing(local);
            return new RedisProvider(local, "yours, already running", null);
        }
        try {
            Path dir = layout.state().resolve("redis");
            Files.createDirectories(dir);
            RedisServer server = RedisServer.newRedisServer().port(6379).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").setting("dir " + dir).build();
            server.start();
            requirePing(local);
            return new RedisProvider(local, "embedded, started by quotah", server);
        } catch (IOException | RuntimeException e) {
            throw new StackException("No Redis answers on 127.0.0.1:6379 and the embedded one did not start: "
                    + e.getMessage() + ". Start yours (apt-get install -y redis-server), or name one with "
                    + "QUOTAH_REDIS_URL=redis://host:6379.", e);
        }
    }

    private static void requirePing(String url) {
        URI uri = URI.create(url);
        try (Jedis jedis = new Jedis(uri.getHost(), uri.getPort(), 2000)) {
            jedis.ping();
        } catch (RuntimeException e) {
            throw new StackException("Redis at " + url + " does not answer PING: " + e.getMessage(), e);
        }
    }

    String url() {
        return url;
    }

    String origin() {
        return origin;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
