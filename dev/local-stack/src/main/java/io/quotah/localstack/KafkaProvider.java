package io.quotah.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Kafka for the stack: one named by {@code QUOTAH_KAFKA_BOOTSTRAP}, else a real single-node KRaft broker
 * started from the Maven Central jars the build copied into {@code dev/kafka-broker/target/lib}, with its
 * data under {@code .quotah/kafka} (kept between runs, so topics and offsets survive a restart).
 */
final class KafkaProvider implements AutoCloseable {

    static final String PORT_VARIABLE = "QUOTAH_KAFKA_PORT";
    static final String CONTROLLER_PORT_VARIABLE = "QUOTAH_KAFKA_CONTROLLER_PORT";

    private final String bootstrap;
    private final String origin;
    private final ManagedProcess broker;

    private KafkaProvider(String bootstrap, String origin, ManagedProcess broker) {
        this.bootstrap = bootstrap;
        this.origin = origin;
        this.broker = broker;
    }

    /** Whether this run starts a broker, and so needs its ports. */
    static boolean startsBroker() {
        return Settings.get("QUOTAH_KAFKA_BOOTSTRAP") == null;
    }

    static int port() {
        return Settings.port(PORT_VARIABLE, 9092);
    }

    static int controllerPort() {
        return Settings.port(CONTROLLER_PORT_VARIABLE, 19093);
    }

    static KafkaProvider findOrStart(StackLayout layout) {
        String named = Settings.get("QUOTAH_KAFKA_BOOTSTRAP");
        if (named != null) {
            awaitBroker(named, Duration.ofSeconds(20), null);
            return new KafkaProvider(named, "yours (QUOTAH_KAFKA_BOOTSTRAP)", null);
        }
        Path home = layout.state().resolve("kafka");
        Path data = home.resolve("data");
        Path config = home.resolve("server.properties");
        String bootstrap = "127.0.0.1:" + port();
        try {
            Files.createDirectories(data);
            Files.writeString(config, serverProperties(data));
            Files.writeString(home.resolve("log4j2.properties"), LOG_CONFIG);
        } catch (IOException e) {
            throw new StackException("Cannot prepare " + home + ": " + e.getMessage(), e);
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(layout, home, config);
        }
        ManagedProcess broker = ManagedProcess.start("kafka", List.of(ManagedProcess.javaBinary(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", layout.kafkaClasspath() + "/*", "kafka.Kafka", config.toString()),
                Map.of(), layout.home(), layout.logs().resolve("kafka.log"));
        awaitBroker(bootstrap, Duration.ofSeconds(60), broker);
        return new KafkaProvider(bootstrap, "started by quotah", broker);
    }

    private static void format(StackLayout layout, Path home, Path config) {
        if (!Files.isDirectory(layout.kafkaClasspath())) {
            throw new StackException("The Kafka broker's jars are missing (" + layout.kafkaClasspath()
                    + "): build first (./quotah up builds what is stale, or: mvn -DskipTests package).");
        }
        ManagedProcess format = ManagedProcess.start("kafka-format", List.of(ManagedProcess.javaBinary(),
                "-cp", layout.kafkaClasspath() + "/*", "kafka.tools.StorageTool", "format",
                "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config.toString()),
                Map.of(), layout.home(), layout.logs().resolve("kafka-format.log"));
        if (!format.awaitExit(Duration.ofSeconds(60)) || !Files.exists(home.resolve("data/meta.properties"))) {
            format.stop(Duration.ofSeconds(1));
            throw new StackException("Formatting Kafka's storage failed:\n" + format.tail(20));
        }
    }

    private static void awaitBroker(String bootstrap, Duration timeout, ManagedProcess broker) {
        Instant deadline = Instant.now().plus(timeout);
        try (AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (Instant.now().isBefore(deadline)) {
                if (broker != null && !broker.isAlive()) {
                    throw new StackException("Kafka stopped while starting:\n" + broker.tail(30));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // A named broker's admin call already waited its timeout; our own broker is watched
                    // for a quarter second, which also notices at once if it dies.
                    if (broker != null) {
                        broker.awaitExit(Duration.ofMillis(250));
                    }
                }
            }
        }
        if (broker != null) {
            broker.stop(Duration.ofSeconds(5));
        }
        throw new StackException("Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds() + " s"
                + (broker == null ? "." : "; its log: " + broker.log()));
    }

    private static String serverProperties(Path data) {
        int port = port();
        int controller = controllerPort();
        return """
                # Written by ./quotah up: a single-node KRaft broker for local use.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=12
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                auto.create.topics.enable=false
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controller, data);
    }

    private static final String LOG_CONFIG = """
            status = warn
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
            rootLogger.level = info
            rootLogger.appenderRef.console.ref = console
            logger.kafka.name = kafka
            logger.kafka.level = info
            logger.apache.name = org.apache.kafka
            logger.apache.level = warn
            """;

    String bootstrap() {
        return bootstrap;
    }

    String origin() {
        return origin;
    }

    ManagedProcess process() {
        return broker;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
        }
    }
}
