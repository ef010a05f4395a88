package io.quotah.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Sets the datasource, Kafka and Redis properties of a test context; one database per JVM. */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PostgresServer.Database database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer.Database db = database();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("quotah-testkit", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers(),
                "spring.data.redis.url", Infrastructure.redis().url())));
    }

    private static synchronized PostgresServer.Database database() {
        if (database == null) {
            database = Infrastructure.postgres().createDatabase("quotah_it");
        }
        return database;
    }
}
