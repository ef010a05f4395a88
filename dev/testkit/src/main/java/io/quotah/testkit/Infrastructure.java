package io.quotah.testkit;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL, Redis, Kafka and Keycloak for integration tests, each found or started once per JVM. For each
 * the first that answers wins: a server named by environment ({@code QUOTAH_POSTGRES_URL},
 * {@code QUOTAH_REDIS_URL}, {@code QUOTAH_KAFKA_BOOTSTRAP}); a Testcontainers container where a Docker
 * engine answers; a local server on its standard port; an embedded or in-JVM one. One log line says which.
 */
public final class Infrastructure {

    static final Logger log = LoggerFactory.getLogger("io.quotah.testkit");

    private static final Lazy<PostgresServer> POSTGRES = new Lazy<>(PostgresServer::resolve);
    private static final Lazy<RedisServer> REDIS = new Lazy<>(RedisServer::resolve);
    private static final Lazy<KafkaBroker> KAFKA = new Lazy<>(KafkaBroker::resolve);
    private static final Lazy<KeycloakRealm> KEYCLOAK = new Lazy<>(KeycloakRealm::resolve);

    private Infrastructure() {
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static RedisServer redis() {
        return REDIS.get();
    }

    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    public static KeycloakRealm keycloak() {
        return KEYCLOAK.get();
    }

    static boolean dockerAvailable() {
        // Asking Testcontainers where no engine can be logs a page of errors; look for a sign of one first.
        boolean engineHinted = env("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run",
                        "docker.sock"));
        if (!engineHinted) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name) : value;
    }

    /** Resolves once; a failure is remembered so every test says the same clear thing. */
    private static final class Lazy<T> {
        private final Supplier<T> resolver;
        private T value;
        private RuntimeException failure;

        Lazy(Supplier<T> resolver) {
            this.resolver = resolver;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = resolver.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
