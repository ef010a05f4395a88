package io.quotah.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import redis.clients.jedis.Jedis;

/**
 * A Redis server for tests, as a {@code redis://host:port} URL: named, a container, the local one, or an
 * embedded redis-server (shipped in a jar) on a free port.
 */
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
        RuntimeException localFailure;
        try (Jedis jedis = new Jedis("127.0.0.1", 6379, 2000)) {
            jedis.ping();
            return announce(new RedisServer("redis://127.0.0.1:6379", "the local server at 127.0.0.1:6379"));
        } catch (RuntimeException e) {
            localFailure = e;
        }
        try {
            return announce(startEmbedded());
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(localFailure);
            throw new InfrastructureUnavailableException("""
                    No Redis for the tests. Start one of:
                      - a local server on 127.0.0.1:6379, e.g.
                          redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
                        (install it with: apt-get install -y redis-server)
                      - or name one: QUOTAH_REDIS_URL=redis://host:6379
                      - or a Docker engine, for Testcontainers.
                    The local server said: %s; the embedded one said: %s"""
                    .formatted(localFailure.getMessage(), e.getMessage()), e);
        }
    }

    /** A real redis-server from the embedded-redis jar, on a free port, stopped when the JVM exits. */
    static RedisServer startEmbedded() throws IOException {
        int port = freePort();
        var embedded = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        embedded.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                embedded.stop();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        return new RedisServer("redis://127.0.0.1:" + port, "an embedded redis-server");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static RedisServer announce(RedisServer server) {
        Infrastructure.log.info("Quotah testkit: Redis from {}", server.source());
        return server;
    }
}
