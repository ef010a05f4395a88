package io.quotah.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server named by environment (or a system property of the same name) wins over every other choice. */
class InfrastructureChoiceTest {

    @AfterEach
    void forget() {
        System.clearProperty("QUOTAH_REDIS_URL");
        System.clearProperty("QUOTAH_KAFKA_BOOTSTRAP");
        System.clearProperty("QUOTAH_POSTGRES_URL");
    }

    @Test
    void a_named_redis_is_used_as_named() {
        System.setProperty("QUOTAH_REDIS_URL", "redis://redis.example:6380");

        RedisServer redis = RedisServer.resolve();

        assertThat(redis.url()).isEqualTo("redis://redis.example:6380");
        assertThat(redis.host()).isEqualTo("redis.example");
        assertThat(redis.port()).isEqualTo(6380);
        assertThat(redis.source()).startsWith("QUOTAH_REDIS_URL");
    }

    @Test
    void a_named_kafka_is_used_as_named() {
        System.setProperty("QUOTAH_KAFKA_BOOTSTRAP", "kafka.example:9092");

        assertThat(KafkaBroker.resolve().bootstrapServers()).isEqualTo("kafka.example:9092");
    }

    @Test
    void a_named_postgres_is_used_as_named() {
        System.setProperty("QUOTAH_POSTGRES_URL", "jdbc:postgresql://db.example:5433/postgres?ssl=false");

        PostgresServer postgres = PostgresServer.resolve();

        assertThat(postgres.adminUrl()).isEqualTo("jdbc:postgresql://db.example:5433/postgres?ssl=false");
        assertThat(postgres.source()).startsWith("QUOTAH_POSTGRES_URL");
    }

    @Test
    void a_test_database_url_keeps_host_and_parameters() {
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://db.example:5433/postgres?ssl=false", "quotah_it_1"))
                .isEqualTo("jdbc:postgresql://db.example:5433/quotah_it_1?ssl=false");
    }

    @Test
    void the_embedded_redis_fallback_is_a_real_redis() throws Exception {
        RedisServer embedded = RedisServer.startEmbedded();

        try (var jedis = new redis.clients.jedis.Jedis(embedded.host(), embedded.port())) {
            jedis.set("quotah:testkit", "works");
            assertThat(jedis.get("quotah:testkit")).isEqualTo("works");
        }
    }

    @Test
    void without_a_named_server_the_local_one_is_found_and_said_so() {
        RedisServer redis = RedisServer.resolve();

        assertThat(redis.source()).isIn("the local server at 127.0.0.1:6379", "an embedded redis-server",
                "a Testcontainers container");
    }
}
