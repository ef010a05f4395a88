package io.quotah.analytics.config;

import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * A pooled jedis client on the Redis that {@code spring.data.redis.*} names (the one readiness checks), for
 * the live headroom state.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsRedis {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    JedisPooled headroomRedis(DataRedisConnectionDetails connection, DataRedisProperties redis,
            AnalyticsProperties analytics) {
        DataRedisConnectionDetails.Standalone server = connection.getStandalone();
        int timeoutMillis = (int) (redis.getTimeout() == null ? DEFAULT_TIMEOUT : redis.getTimeout()).toMillis();
        boolean ssl = redis.getSsl().isEnabled() || (redis.getUrl() != null && redis.getUrl().startsWith("rediss:"));
        var client = DefaultJedisClientConfig.builder()
                .user(connection.getUsername())
                .password(connection.getPassword())
                .database(server.getDatabase())
                .timeoutMillis(timeoutMillis)
                .ssl(ssl)
                .build();
        var pool = new ConnectionPoolConfig();
        // Virtual threads serve requests: the pool, not the thread count, bounds Redis connections.
        pool.setMaxTotal(analytics.redisPoolSize());
        pool.setMaxIdle(analytics.redisPoolSize());
        return new JedisPooled(new HostAndPort(server.getHost(), server.getPort()), client, pool);
    }
}
