package io.quotah.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.AlertRaised.Recipient;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.notification.delivery.DeliveryQueue;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@RealInfrastructure
class DeliveryQueueIT {

    @Autowired
    EventPublisher publisher;
    @Autowired
    DeliveryQueue queue;

    private final String workspace = "ws-" + UUID.randomUUID();

    @Test
    void an_alert_delivered_twice_queues_one_delivery_per_recipient() {
        AlertRaised alert = alert();

        publisher.publish(alert).join();
        publisher.publish(alert).join();

        await().untilAsserted(() -> assertThat(queue.pending(workspace))
                .extracting(DeliveryQueue.PendingDelivery::address)
                .containsExactlyInAnyOrder("ops@example.com", "https://hooks.slack.example/T000/B000"));
    }

    @Test
    void a_deleted_account_leaves_no_deliveries() {
        publisher.publish(alert()).join();
        await().until(() -> !queue.pending(workspace).isEmpty());

        publisher.publish(UserDeleted.of("user-1", workspace)).join();

        await().untilAsserted(() -> assertThat(queue.pending(workspace)).isEmpty());
    }

    private AlertRaised alert() {
        return AlertRaised.builder().workspaceId(workspace).alertId(UUID.randomUUID())
                .rule(UUID.randomUUID(), "Monthly budget").kind(AlertRaised.AlertKind.BUDGET)
                .severity(AlertRaised.Severity.WARNING)
                .measured(new BigDecimal("81.20"), new BigDecimal("80.00"), AlertRaised.Unit.USD)
                .recipients(List.of(new Recipient(Channel.EMAIL, "ops@example.com"),
                        new Recipient(Channel.SLACK, "https://hooks.slack.example/T000/B000")))
                .summary("Spend this month is $81.20, past the $80.00 budget threshold").build();
    }
}
