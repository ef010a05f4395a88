package io.quotah.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.alert.observations.WindowObservations;
import io.quotah.alert.spend.SpendLedger;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@RealInfrastructure
class AlertObservationsIT {

    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @Autowired
    EventPublisher publisher;
    @Autowired
    WindowObservations observations;
    @Autowired
    SpendLedger spend;
    @Autowired
    JdbcClient jdbc;

    private final String workspace = "ws-" + UUID.randomUUID();
    private final UUID connection = UUID.randomUUID();

    @Test
    void a_redelivered_snapshot_is_applied_once_and_a_late_one_does_not_overwrite_a_newer_reading() {
        Instant now = Instant.now();
        RateLimitSnapshot newer = snapshot(now, 10L);
        RateLimitSnapshot older = snapshot(now.minusSeconds(30), 900L);

        publisher.publish(newer).join();
        publisher.publish(newer).join();
        publisher.publish(older).join();

        await().untilAsserted(() -> assertThat(observations.activity(workspace, connection))
                .hasValueSatisfying(activity -> assertThat(activity.snapshotsSeen()).isEqualTo(2)));
        assertThat(remaining()).isEqualTo(10L);
    }

    @Test
    void a_revised_bucket_replaces_its_spend() {
        publisher.publish(usage("1.25", Instant.now().minusSeconds(60))).join();
        publisher.publish(usage("2.50", Instant.now())).join();

        await().untilAsserted(() -> assertThat(spend.reportedCost(workspace, "USD", DAY, DAY.plus(Duration.ofDays(1))))
                .isEqualByComparingTo(new BigDecimal("2.50")));
    }

    @Test
    void a_deleted_account_leaves_nothing_behind() {
        publisher.publish(snapshot(Instant.now(), 5L)).join();
        publisher.publish(usage("3.00", Instant.now())).join();
        await().until(() -> observations.activity(workspace, connection).isPresent());
        await().until(() -> spend.reportedCost(workspace, "USD", DAY, DAY.plus(Duration.ofDays(1))).signum() > 0);

        publisher.publish(UserDeleted.of("user-1", workspace)).join();

        await().untilAsserted(() -> {
            assertThat(observations.activity(workspace, connection)).isEmpty();
            assertThat(spend.reportedCost(workspace, "USD", DAY, DAY.plus(Duration.ofDays(1)))).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM window_observation WHERE workspace_id = ?").param(workspace)
                    .query(Integer.class).single()).isZero();
        });
    }

    private Long remaining() {
        return jdbc.sql("SELECT remaining FROM window_observation WHERE connection_id = ? AND kind = 'TOKENS'")
                .param(connection).query(Long.class).single();
    }

    private RateLimitSnapshot snapshot(Instant capturedAt, long remaining) {
        return RateLimitSnapshot.captured(workspace, connection, Provider.OPENAI, "gpt-4o-mini", capturedAt,
                SnapshotSource.PASSIVE, List.of(new RateLimitWindow(WindowKind.TOKENS, 1000L, remaining,
                        capturedAt.plusSeconds(6))), null);
    }

    private UsageEvent usage(String cost, Instant revisedAt) {
        Instant end = DAY.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.ANTHROPIC, connection, null, DAY, end, "claude-haiku-4-5", "standard",
                UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, revisedAt, 1, connection, Provider.ANTHROPIC, null, "claude-haiku-4-5",
                DAY, end, 3, 300, 30, 0, 0, 0, null, "standard", Money.usd(cost), UsageSource.ADMIN_API);
    }
}
