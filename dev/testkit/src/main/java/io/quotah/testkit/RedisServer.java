package io.quotah.testkit;

import java.net.URI;
import redis.clients.jedis.Jedis;

/** A Redis server for tests, as a {@code redis://host:port} URL. */
public record RedisServer(String url, String source) {

    public String host() {
        return URI.create(url).getHost();
    }

    public int port() {
        return URI.create(url).getPort();
    }

    static RedisServer resolve() {
        String url = Infrastructure.env("QUOTAH_REDIS_URL");
        if (url != null) {
            return announce(new RedisServer(url, "QUOTAH_REDIS_URL (" + url + ")"));
        }
        if (Infrastructure.dockerAvailable()) {
            var container = new org.testcontainers.containers.GenericContainer<>("redis:7-alpine")
                    .withExposedPorts(6379);
            container.start();
            return announce(new RedisServer("redis://" + container.getHost() + ":" + container.getMappedPort(6379),
                    "a Testcontainers container"));
        }
        try (Jedis jedis = new Jedis("127.0.0.1", 6379, 2000)) {
            jedis.ping();
            return announce(new RedisServer("redis://127.0.0.1:6379", "the local server at 127.0.0.1:6379"));
        } catch (RuntimeException e) {
            throw new InfrastructureUnavailableException("""
                    No Redis for the tests. Start one of:
                      - a local server on 127.0.0.1:6379, e.g.
                          redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
                        (install it with: apt-get install -y redis-server)
                      - or name one: QUOTAH_REDIS_URL=redis://host:6379
                      - or a Docker engine, for Testcontainers.
                    The local server said: %s""".formatted(e.getMessage()), e);
        }
    }

    private static RedisServer announce(RedisServer server) {
        Infrastructure.log.info("Quotah testkit: Redis from {}", server.source());
        return server;
    }
}
