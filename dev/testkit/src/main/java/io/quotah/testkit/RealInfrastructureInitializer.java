package io.quotah.testkit;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/** Sets the datasource, Kafka and Redis properties of a test context, for what it uses; one database per JVM. */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PostgresServer.Database database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ClassLoader classLoader = context.getClassLoader();
        Map<String, Object> properties = new HashMap<>();
        // Only what the service can use: the gateway, say, has no database and no Kafka.
        if (ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", classLoader)) {
            PostgresServer.Database db = database();
            properties.put("spring.datasource.url", db.url());
            properties.put("spring.datasource.username", db.user());
            properties.put("spring.datasource.password", db.password());
        }
        if (ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", classLoader)
                && ClassUtils.isPresent("org.springframework.boot.kafka.autoconfigure.KafkaProperties", classLoader)) {
            properties.put("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
        }
        if (ClassUtils.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory", classLoader)) {
            properties.put("spring.data.redis.url", Infrastructure.redis().url());
        }
        if (withKeycloak()) {
            KeycloakRealm keycloak = Infrastructure.keycloak();
            properties.put("QUOTAH_KEYCLOAK_URL", keycloak.url());
            properties.put("QUOTAH_AUTH_CLIENT_SECRET", keycloak.clientSecret());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("quotah-testkit", properties));
    }

    /** Keycloak takes seconds to start: only tests that sign users in ask for it. */
    protected boolean withKeycloak() {
        return false;
    }

    private static synchronized PostgresServer.Database database() {
        if (database == null) {
            database = Infrastructure.postgres().createDatabase("quotah_it");
        }
        return database;
    }
}
