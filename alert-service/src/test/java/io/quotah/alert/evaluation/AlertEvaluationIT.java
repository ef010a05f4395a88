package io.quotah.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.alert.rules.AlertRule;
import io.quotah.alert.rules.RuleFixtures;
import io.quotah.alert.rules.Rules;
import io.quotah.contracts.events.AlertRaised;
import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.AlertState;
import io.quotah.contracts.events.AlertRaised.Severity;
import io.quotah.contracts.events.ConnectionChanged;
import io.quotah.contracts.events.ConnectionChanged.Change;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.RateLimitSnapshot;
import io.quotah.contracts.events.RateLimitSnapshot.SnapshotSource;
import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.contracts.events.Topics;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.PublishedEvents;
import io.quotah.testkit.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules evaluated as events arrive, end to end: snapshots, usage and key changes through a real Kafka into
 * PostgreSQL, and the AlertRaised events alert-service then publishes, read back from the topic.
 */
@SpringBootTest(properties = "quotah.alert.timed-pass=1h")
@RealInfrastructure
class AlertEvaluationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static PublishedEvents published;

    @Autowired
    EventPublisher publisher;
    @Autowired
    Rules rules;
    @Autowired
    WindowRules windowRules;
    @Autowired
    TimedPass timedPass;
    @Autowired
    JdbcClient jdbc;

    private final String workspace = "ws-" + UUID.randomUUID();
    private final UUID key = UUID.randomUUID();

    @BeforeAll
    static void readAlerts() {
        published = PublishedEvents.of(Topics.ALERTS);
    }

    @AfterAll
    static void stopReading() throws InterruptedException {
        published.close();
    }

    @Test
    void a_window_crossing_the_threshold_raises_one_alert_that_resolves_when_it_recovers_and_the_cooldown_holds_the_next() {
        RuleFixtures.rateLimit(rules, workspace, "80", 60);
        publisher.publish(new ConnectionChanged(UUID.randomUUID(), workspace, Instant.now(), 1, key, Provider.ANTHROPIC,
                "prod key", "sk-ant-…abcd", Change.ADDED, null, 60)).join();

        publish(snapshot(Instant.now(), 1000, 500));
        publish(snapshot(Instant.now(), 1000, 150));
        publish(snapshot(Instant.now(), 1000, 100));

        AlertRaised raised = awaitOne(AlertState.RAISED);
        assertThat(raised.kind()).isEqualTo(AlertKind.RATE_LIMIT);
        assertThat(raised.severity()).isEqualTo(Severity.WARNING);
        assertThat(raised.observed()).isEqualByComparingTo("85.0");
        assertThat(raised.threshold()).isEqualByComparingTo("80");
        assertThat(raised.window()).isEqualTo("TOKENS");
        assertThat(raised.connectionLabel()).isEqualTo("prod key");
        assertThat(raised.summary()).contains("prod key (Anthropic)", "tokens per minute", "85 %", "80 %");
        assertThat(raised.recipients()).extracting(AlertRaised.Recipient::address).containsExactly(RuleFixtures.EMAIL);
        assertThat(raised.resetAt()).isNotNull();

        publish(snapshot(Instant.now(), 1000, 900));
        AlertRaised resolved = awaitOne(AlertState.RESOLVED);
        assertThat(resolved.alertId()).isEqualTo(raised.alertId());

        publish(snapshot(Instant.now(), 1000, 10));
        publish(snapshot(Instant.now(), 1000, 950));
        await().atMost(PATIENCE).until(() -> processedSnapshots() == 6);
        assertThat(alerts(AlertState.RAISED)).hasSize(1);
        assertThat(rowCount("alert")).isEqualTo(1);
    }

    @Test
    void a_rule_switched_off_ends_its_alert_quietly_and_switched_on_again_raises_on_the_next_crossing() {
        AlertRule rule = RuleFixtures.rateLimit(rules, workspace, "80", 60);
        publish(snapshot(Instant.now(), 1000, 100));
        AlertRaised first = awaitOne(AlertState.RAISED);

        RuleFixtures.switchOn(rules, workspace, rule.id(), false);

        assertThat(jdbc.sql("SELECT state FROM alert WHERE id = ?").param(first.alertId()).query(String.class).single())
                .isEqualTo("RESOLVED");
        assertThat(rowCount("alert_condition")).isZero();
        RuleFixtures.switchOn(rules, workspace, rule.id(), true);
        publish(snapshot(Instant.now(), 1000, 50));
        await().atMost(PATIENCE).until(() -> alerts(AlertState.RAISED).size() == 2);
        assertThat(alerts(AlertState.RESOLVED)).isEmpty();
    }

    @Test
    void a_window_going_critical_while_raised_is_recorded_as_critical_without_a_second_message() {
        RuleFixtures.rateLimit(rules, workspace, "80", 60);

        publish(snapshot(Instant.now(), 1000, 150));
        awaitOne(AlertState.RAISED);
        publish(snapshot(Instant.now(), 1000, 20));

        await().atMost(PATIENCE).until(() -> "CRITICAL".equals(jdbc.sql(
                "SELECT severity FROM alert WHERE workspace_id = ?").param(workspace).query(String.class).single()));
        assertThat(alerts(AlertState.RAISED)).hasSize(1);
    }

    @Test
    void a_window_draining_fast_raises_a_forecast_before_it_runs_out() {
        RuleFixtures.forecast(rules, workspace, 10);
        Instant start = Instant.now().minusSeconds(60);

        publish(snapshot(start, 100_000, 90_000));
        publish(snapshot(start.plusSeconds(30), 100_000, 60_000));
        publish(snapshot(start.plusSeconds(60), 100_000, 30_000));

        AlertRaised forecast = awaitOne(AlertState.RAISED);
        assertThat(forecast.kind()).isEqualTo(AlertKind.EXHAUSTION_FORECAST);
        assertThat(forecast.forecastAt()).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(forecast.summary()).contains("run out in about");
    }

    @Test
    void budget_thresholds_count_revised_buckets_once_and_a_jump_past_several_sends_one_message() {
        RuleFixtures.budget(rules, workspace, "10.00", List.of(50, 80, 100), null);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        publish(costBucket(hour, "claude-haiku-4-5", "6.00", Instant.now().minusSeconds(30)));
        AlertRaised half = awaitOne(AlertState.RAISED);
        assertThat(half.kind()).isEqualTo(AlertKind.BUDGET);
        assertThat(half.observed()).isEqualByComparingTo("6.00");
        assertThat(half.threshold()).isEqualByComparingTo("5.00");
        assertThat(half.summary()).contains("$6.00", "60 %", "$10.00");

        // the provider revised the same bucket down: one bucket, newer totals, so spend is 4.00, not 10.00
        publish(costBucket(hour, "claude-haiku-4-5", "4.00", Instant.now()));
        AlertRaised resolved = awaitOne(AlertState.RESOLVED);
        assertThat(resolved.alertId()).isEqualTo(half.alertId());

        // a replay of the old revision changes nothing
        publish(costBucket(hour, "claude-haiku-4-5", "6.00", Instant.now().minusSeconds(30)));
        // another hour takes spend from 4.00 to 10.50: past 80 % and 100 % at once
        publish(costBucket(hour, "claude-sonnet-4-5", "6.50", Instant.now()));

        await().atMost(PATIENCE).until(() -> alerts(AlertState.RAISED).size() == 2);
        AlertRaised full = alerts(AlertState.RAISED).getLast();
        assertThat(full.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(full.observed()).isEqualByComparingTo("10.50");
        assertThat(full.threshold()).isEqualByComparingTo("10.00");
        assertThat(alerts(AlertState.RAISED)).hasSize(2);
    }

    @Test
    void an_hour_far_above_the_weeks_average_raises_a_spend_spike_costed_by_the_price_book() {
        RuleFixtures.spike(rules, workspace, "3", "1.00");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        // a million input tokens of Haiku 4.5 ($1 per million) three days ago: the week's average hour is $1 / 168
        publish(tokenBucket(hour.minus(Duration.ofDays(3)), 1_000_000));
        publish(tokenBucket(hour, 2_000_000));

        AlertRaised spike = awaitOne(AlertState.RAISED);
        assertThat(spike.kind()).isEqualTo(AlertKind.SPEND_SPIKE);
        assertThat(spike.observed()).isEqualByComparingTo("2.00");
        assertThat(spike.summary()).contains("$2.00", "336 ×", "$0.0060");
    }

    @Test
    void an_invalid_key_raises_a_critical_key_problem_that_resolves_when_the_key_works_again() {
        RuleFixtures.keyProblems(rules, workspace, key);

        publisher.publish(change(Change.INVALID, "invalid x-api-key")).join();
        AlertRaised invalid = awaitOne(AlertState.RAISED);
        assertThat(invalid.kind()).isEqualTo(AlertKind.KEY_PROBLEM);
        assertThat(invalid.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(invalid.reason()).isEqualTo("invalid x-api-key");
        assertThat(invalid.summary()).contains("prod key (OpenAI) is refused by the provider: invalid x-api-key");

        publisher.publish(change(Change.VALIDATED, null)).join();
        assertThat(awaitOne(AlertState.RESOLVED).alertId()).isEqualTo(invalid.alertId());
    }

    @Test
    void a_probed_key_that_stops_answering_goes_stale_and_one_seen_only_through_traffic_never_does() {
        RuleFixtures.keyProblems(rules, workspace, null);
        UUID passiveOnly = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));

        publish(RateLimitSnapshot.captured(workspace, passiveOnly, Provider.ANTHROPIC, null, longAgo,
                SnapshotSource.PASSIVE, List.of(new RateLimitWindow(WindowKind.REQUESTS, 50L, 49L, null)), null));
        publish(snapshot(longAgo, 1000, 900));
        AlertRaised stale = awaitOne(AlertState.RAISED);
        timedPass.run();

        assertThat(stale.connectionId()).isEqualTo(key);
        assertThat(stale.window()).isEqualTo("STALE");
        assertThat(stale.summary()).contains("has not answered a probe for 10 min");
        publish(snapshot(Instant.now(), 1000, 900));
        assertThat(awaitOne(AlertState.RESOLVED).alertId()).isEqualTo(stale.alertId());
        assertThat(alerts(AlertState.RAISED)).hasSize(1);
    }

    @Test
    void two_replicas_evaluating_the_same_crossing_at_once_raise_it_once() throws Exception {
        RuleFixtures.rateLimit(rules, workspace, "80", 60);
        publish(snapshot(Instant.now(), 1000, 900));
        await().atMost(PATIENCE).until(() -> processedSnapshots() == 1);
        // the crossing lands in the table without the listener: both "replicas" find it at the same moment
        jdbc.sql("UPDATE window_observation SET remaining = 50 WHERE connection_id = ?").param(key).update();

        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(replicas)) {
            List<Future<?>> runs = IntStream.range(0, replicas).<Future<?>>mapToObj(i -> pool.submit(() -> {
                start.await();
                windowRules.evaluate(workspace, key, Provider.ANTHROPIC, Instant.now());
                return null;
            })).toList();
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }

        AlertRaised raised = awaitOne(AlertState.RAISED);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rowCount("alert")).isEqualTo(1);
    }

    @Test
    void a_deleted_account_leaves_no_rules_or_alerts() {
        RuleFixtures.rateLimit(rules, workspace, "80", 60);
        publish(snapshot(Instant.now(), 1000, 100));
        awaitOne(AlertState.RAISED);

        publisher.publish(UserDeleted.of("user-1", workspace)).join();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(rules.list(workspace)).isEmpty();
            assertThat(rowCount("alert")).isZero();
            assertThat(rowCount("alert_condition")).isZero();
        });
    }

    private void publish(QuotahEvent event) {
        publisher.publish(event).join();
    }

    private AlertRaised awaitOne(AlertState state) {
        await().atMost(PATIENCE).until(() -> !alerts(state).isEmpty());
        return alerts(state).getLast();
    }

    private List<AlertRaised> alerts(AlertState state) {
        return published.of(AlertRaised.class, alert -> alert.workspaceId().equals(workspace) && alert.state() == state);
    }

    private long processedSnapshots() {
        return jdbc.sql("SELECT coalesce(sum(snapshots_seen), 0) FROM connection_activity WHERE workspace_id = ?")
                .param(workspace).query(Long.class).single();
    }

    private int rowCount(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = ?").param(workspace)
                .query(Integer.class).single();
    }

    private RateLimitSnapshot snapshot(Instant at, long limit, long remaining) {
        return RateLimitSnapshot.captured(workspace, key, Provider.ANTHROPIC, "claude-sonnet-4-5", at,
                SnapshotSource.PROBE, List.of(new RateLimitWindow(WindowKind.TOKENS, limit, remaining,
                        Instant.now().plusSeconds(60))), null);
    }

    private ConnectionChanged change(Change change, String reason) {
        return new ConnectionChanged(UUID.randomUUID(), workspace, Instant.now(), 1, key, Provider.OPENAI, "prod key",
                "sk-…abcd", change, reason, 60);
    }

    private UsageEvent tokenBucket(Instant start, long inputTokens) {
        Instant end = start.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.ANTHROPIC, key, null, start, end, "claude-haiku-4-5", "standard",
                UsageSource.PASSIVE);
        return new UsageEvent(id, workspace, Instant.now(), 1, key, Provider.ANTHROPIC, null, "claude-haiku-4-5", start,
                end, 10, inputTokens, 0, 0, 0, 0, null, "standard", null, UsageSource.PASSIVE);
    }

    private UsageEvent costBucket(Instant start, String model, String cost, Instant revisedAt) {
        Instant end = start.plus(Duration.ofHours(1));
        UUID id = UsageEvent.idFor(Provider.ANTHROPIC, key, null, start, end, model, "standard", UsageSource.ADMIN_API);
        return new UsageEvent(id, workspace, revisedAt, 1, key, Provider.ANTHROPIC, null, model, start, end, 3, 300, 30,
                0, 0, 0, null, "standard", Money.usd(cost), UsageSource.ADMIN_API);
    }
}
