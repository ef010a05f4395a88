package io.quotah.testkit;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A Kafka broker for tests. An in-JVM KRaft broker is always possible, so this never fails for want of one. */
public record KafkaBroker(String bootstrapServers, String source) {

    static KafkaBroker resolve() {
        String bootstrap = Infrastructure.env("QUOTAH_KAFKA_BOOTSTRAP");
        if (bootstrap != null) {
            return announce(new KafkaBroker(bootstrap, "QUOTAH_KAFKA_BOOTSTRAP (" + bootstrap + ")"));
        }
        if (Infrastructure.dockerAvailable()) {
            var container = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.1");
            container.start();
            return announce(new KafkaBroker(container.getBootstrapServers(), "a Testcontainers container"));
        }
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        // As in production: topics exist because a service declared them, never by accident.
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(broker::destroy));
        return announce(new KafkaBroker(broker.getBrokersAsString(), "an in-JVM KRaft broker"));
    }

    private static KafkaBroker announce(KafkaBroker broker) {
        Infrastructure.log.info("Quotah testkit: Kafka from {} at {}", broker.source(), broker.bootstrapServers());
        return broker;
    }
}
