package io.quotah.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a Quotah service from its runnable jar with the environment that points it at the stack's
 * PostgreSQL, Redis and Kafka. Used by {@code ./quotah up} and by the system tests alike.
 */
final class ServiceLauncher {

    /** Small heaps and a fast-starting JIT: six JVMs share two cores on a laptop. */
    static final String DEFAULT_JAVA_OPTIONS = "-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    private final StackLayout layout;
    private final Map<String, String> sharedEnvironment;

    ServiceLauncher(StackLayout layout, Map<String, String> sharedEnvironment) {
        this.layout = layout;
        this.sharedEnvironment = Map.copyOf(sharedEnvironment);
    }

    /** The shared environment for a stack on these databases, Redis and Kafka. */
    static Map<String, String> environment(String dbUser, String dbPassword, Map<QuotahService, String> databaseUrls,
            String redisUrl, String kafkaBootstrap) {
        return environment(dbUser, dbPassword, databaseUrls, redisUrl, kafkaBootstrap, null, null);
    }

    /** ... and the Keycloak that issues and checks tokens, when there is one. */
    static Map<String, String> environment(String dbUser, String dbPassword, Map<QuotahService, String> databaseUrls,
            String redisUrl, String kafkaBootstrap, String keycloakUrl, String authClientSecret) {
        Map<String, String> env = new HashMap<>();
        if (keycloakUrl != null) {
            env.put("QUOTAH_KEYCLOAK_URL", keycloakUrl);
            env.put("QUOTAH_AUTH_CLIENT_SECRET", authClientSecret);
        }
        env.put("QUOTAH_DB_USER", dbUser);
        env.put("QUOTAH_DB_PASSWORD", dbPassword);
        env.put("QUOTAH_REDIS_URL", redisUrl);
        env.put("QUOTAH_KAFKA_BOOTSTRAP", kafkaBootstrap);
        for (QuotahService service : QuotahService.values()) {
            env.put(service.portVariable(), Integer.toString(service.port()));
            env.put(service.urlVariable(), "http://127.0.0.1:" + service.port());
            String url = databaseUrls.get(service);
            if (url != null) {
                env.put(service.databaseUrlVariable(), url);
            }
        }
        return env;
    }

    /**
     * What notification-service is told beyond the shared environment: the SMTP server it sends through
     * ({@code QUOTAH_MAIL_HOST}, {@code QUOTAH_MAIL_PORT}) and the address its emails link to, the gateway
     * that serves the dashboard ({@code QUOTAH_NOTIFICATION_BASE_URL}, unless set already).
     */
    static Map<String, String> notificationEnvironment(Map<String, String> mailServer) {
        Map<String, String> env = new HashMap<>(mailServer);
        env.put("QUOTAH_NOTIFICATION_BASE_URL",
                Settings.get("QUOTAH_NOTIFICATION_BASE_URL", QuotahService.GATEWAY.baseUrl()));
        return env;
    }

    ManagedProcess start(QuotahService service) {
        return start(service, Map.of());
    }

    ManagedProcess start(QuotahService service, Map<String, String> overrides) {
        Path jar = layout.runnableJar(service.module());
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        String options = Settings.get("QUOTAH_JAVA_OPTIONS", DEFAULT_JAVA_OPTIONS);
        command.addAll(List.of(options.trim().split("\\s+")));
        // Class data sharing, written on the first start, makes every later start quicker.
        command.add("-XX:SharedArchiveFile=" + layout.state().resolve("cds").resolve(service.module() + ".jsa"));
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> env = new HashMap<>(sharedEnvironment);
        env.putAll(overrides);
        return ManagedProcess.start(service.module(), command, env, layout.home(),
                layout.logs().resolve(service.module() + ".log"));
    }
}
