package io.quotah.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.testkit.RealInfrastructure;
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
class SnapshotRetentionIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    SnapshotHistory history;
    @Autowired
    JdbcClient jdbc;

    private final String workspace = "ws-" + UUID.randomUUID();
    private final UUID connection = UUID.randomUUID();

    @Test
    void drops_raw_snapshots_past_retention_except_the_newest_of_each_series_and_keeps_their_buckets() {
        // given two series of one key: "quiet" last seen 8 days ago, "busy" an hour ago
        RateLimitSnapshot quietOld = snapshot("quiet", NOW.minus(Duration.ofDays(9)), 100L);
        RateLimitSnapshot quietNewest = snapshot("quiet", NOW.minus(Duration.ofDays(8)), 200L);
        RateLimitSnapshot busyOld = snapshot("busy", NOW.minus(Duration.ofDays(9)), 300L);
        RateLimitSnapshot busyNewest = snapshot("busy", NOW.minus(Duration.ofHours(1)), 400L);
        List.of(quietNewest, quietOld, busyOld, busyNewest).forEach(history::record);

        // when a week is kept
        history.forgetCapturedBefore(NOW.minus(Duration.ofDays(7)));

        // then a quiet series keeps its newest snapshot (the live state is rebuilt from it)...
        assertThat(rawEventIds()).containsExactlyInAnyOrder(quietNewest.eventId(), busyNewest.eventId());
        assertThat(history.latestAndSince(workspace, NOW.minus(Duration.ofMinutes(5))))
                .extracting(RateLimitSnapshot::eventId).containsExactly(quietNewest.eventId(), busyNewest.eventId());
        // ...and the 5-minute buckets still answer for the days whose raw rows are gone
        assertThat(history.fiveMinutePoints(workspace, connection, NOW.minus(Duration.ofDays(10)),
                NOW, null)).extracting(HistoryPoint::remaining).containsExactly(300L, 100L, 200L, 400L);

        // when buckets are kept eight and a half days
        history.forgetBucketsBefore(NOW.minus(Duration.ofHours(8 * 24 + 12)));

        assertThat(history.fiveMinutePoints(workspace, connection, NOW.minus(Duration.ofDays(10)), NOW, null))
                .extracting(HistoryPoint::remaining).containsExactly(200L, 400L);
    }

    @Test
    void a_bucket_keeps_its_lowest_and_its_newest_remaining_whatever_order_snapshots_arrive_in() {
        Instant bucket = NOW.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        history.record(snapshot(null, bucket.plusSeconds(200), 700L));
        history.record(snapshot(null, bucket.plusSeconds(10), 900L));
        RateLimitSnapshot lowest = snapshot(null, bucket.plusSeconds(100), 150L);
        history.record(lowest);
        history.record(lowest); // a redelivery counts once

        var row = jdbc.sql("""
                SELECT min_remaining, last_remaining, samples, model FROM rate_limit_window_5m
                WHERE workspace_id = ? AND connection_id = ?""")
                .params(workspace, connection)
                .query((rs, n) -> List.of(rs.getLong("min_remaining"), rs.getLong("last_remaining"),
                        rs.getLong("samples"), rs.getString("model")))
                .single();
        assertThat(row).containsExactly(150L, 700L, 3L, "");
    }

    private List<UUID> rawEventIds() {
        return jdbc.sql("SELECT event_id FROM rate_limit_snapshot WHERE workspace_id = ?").param(workspace)
                .query(UUID.class).list();
    }

    private RateLimitSnapshot snapshot(String model, Instant capturedAt, Long remaining) {
        return RateLimitSnapshot.captured(workspace, connection, Provider.OPENAI, model, capturedAt,
                SnapshotSource.PASSIVE, List.of(new RateLimitWindow(WindowKind.TOKENS, 1000L, remaining, null)), null);
    }
}
