package io.quotah.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.testkit.Infrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness reflects the broker: a service that cannot reach Kafka must not be sent traffic. */
class KafkaHealthIndicatorIT {

    @Test
    void is_up_with_the_cluster_id_while_the_broker_answers() {
        var indicator = new KafkaHealthIndicator(admin(Infrastructure.kafka().bootstrapServers()), Duration.ofSeconds(5));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
        indicator.destroy();
    }

    @Test
    void is_down_when_no_broker_answers() throws IOException {
        var indicator = new KafkaHealthIndicator(admin("127.0.0.1:" + closedPort()), Duration.ofMillis(800));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        indicator.destroy();
    }

    private static KafkaAdmin admin(String bootstrap) {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
