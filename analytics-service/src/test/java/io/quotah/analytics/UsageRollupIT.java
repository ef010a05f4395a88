package io.quotah.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.analytics.usage.UsageStore;
import io.quotah.analytics.usage.UsageStore.Ingested;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.contracts.events.UsageEvent.UsageSource;
import io.quotah.contracts.events.UserDeleted;
import io.quotah.platform.events.EventPublisher;
import io.quotah.testkit.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly and daily rollups stay exactly the sums of the stored buckets through revisions, late older versions,
 * redeliveries and whole replays of the topic, with events going through a real Kafka into PostgreSQL.
 */
@SpringBootTest
@RealInfrastructure
class UsageRollupIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-10-03T00:00:00Z");
    private static final List<String> MODELS = List.of("claude-sonnet-4-5-20250929", "claude-haiku-4-5", "gpt-4o-mini",
            "gpt-5-2025-08-07");
    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));

    @Autowired
    EventPublisher publisher;
    @Autowired
    UsageStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rollups_equal_the_buckets_through_revisions_stale_versions_and_a_replay_of_everything_twice() {
        String workspace = "ws-" + UUID.randomUUID();
        Random random = new Random(11);
        List<UUID> connections = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        // given 300 buckets, each published in 1 to 3 versions, and some old versions delivered again late
        Map<UUID, List<UsageEvent>> versions = new LinkedHashMap<>();
        for (int bucket = 0; bucket < 300; bucket++) {
            UsageEvent first = randomBucket(workspace, connections.get(random.nextInt(3)), random);
            List<UsageEvent> history = new ArrayList<>(List.of(first));
            for (int revision = 1; revision < 1 + random.nextInt(3); revision++) {
                history.add(revised(first, first.occurredAt().plusSeconds(60L * revision), random));
            }
            versions.put(first.eventId(), history);
        }
        List<UsageEvent> published = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<UsageEvent> wave = new ArrayList<>();
            for (List<UsageEvent> history : versions.values()) {
                if (round < history.size()) {
                    wave.add(history.get(round));
                }
                if (round == 2 && history.size() > 1 && random.nextBoolean()) {
                    wave.add(history.getFirst()); // an old version, late
                }
            }
            Collections.shuffle(wave, random);
            published.addAll(wave);
        }
        publishAll(published);
        awaitMarker(workspace);

        // then each bucket holds its newest version, and the rollups are the sums of the buckets
        versions.values().forEach(history -> {
            UsageEvent newest = history.getLast();
            assertThat(jdbc.sql("SELECT requests FROM usage_bucket WHERE event_id = ?").param(newest.eventId())
                    .query(Long.class).single()).isEqualTo(newest.requests());
        });
        assertRollupsAreTheSumsOfTheBuckets(workspace);
        List<String> hourly = rows("usage_hourly", workspace);
        List<String> daily = rows("usage_daily", workspace);
        List<String> buckets = rows("usage_bucket", workspace);

        // when the whole history is delivered twice more
        publishAll(published);
        publishAll(published);
        awaitMarker(workspace);

        // then nothing moved
        assertThat(rows("usage_hourly", workspace)).isEqualTo(hourly);
        assertThat(rows("usage_daily", workspace)).isEqualTo(daily);
        assertThat(rows("usage_bucket", workspace)).isEqualTo(buckets);
        assertRollupsAreTheSumsOfTheBuckets(workspace);
    }

    @Test
    void in_one_batch_the_newest_version_wins_and_a_redelivery_or_an_older_version_changes_nothing() {
        String workspace = "ws-" + UUID.randomUUID();
        Random random = new Random(5);
        UsageEvent first = randomBucket(workspace, UUID.randomUUID(), random);
        UsageEvent second = revised(first, first.occurredAt().plusSeconds(60), random);
        UsageEvent third = revised(first, first.occurredAt().plusSeconds(120), random);

        assertThat(store.upsertAll(List.of(first, third, second, first))).isEqualTo(new Ingested(1, 0, 0));
        assertThat(store.upsertAll(List.of(second))).isEqualTo(new Ingested(0, 0, 1));
        assertThat(store.upsertAll(List.of(third))).isEqualTo(new Ingested(0, 1, 0));
        assertThat(jdbc.sql("SELECT sum(requests) FROM usage_daily WHERE workspace_id = ?").param(workspace)
                .query(Long.class).single()).isEqualTo(third.requests());

        // the same totals polled again later: only the revision time moves
        UsageEvent repolled = revised(third, third.occurredAt().plusSeconds(60), null);
        assertThat(store.upsertAll(List.of(repolled))).isEqualTo(new Ingested(1, 0, 0));
        assertThat(jdbc.sql("SELECT buckets FROM usage_hourly WHERE workspace_id = ?").param(workspace)
                .query(Long.class).single()).isEqualTo(1);
        assertRollupsAreTheSumsOfTheBuckets(workspace);
    }

    @Test
    void a_deleted_account_takes_its_usage_rollups_with_it() {
        String workspace = "ws-" + UUID.randomUUID();
        publishAll(List.of(randomBucket(workspace, UUID.randomUUID(), new Random(3))));
        awaitMarker(workspace);

        publisher.publish(UserDeleted.of(workspace, workspace)).join();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("usage_bucket", workspace)).isZero();
            assertThat(count("usage_hourly", workspace)).isZero();
            assertThat(count("usage_daily", workspace)).isZero();
        });
    }

    private void assertRollupsAreTheSumsOfTheBuckets(String workspace) {
        String hourlyFromBuckets = """
                SELECT workspace_id, date_trunc('hour', bucket_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', connection_id,
                    provider, coalesce(provider_key_id, ''), model, coalesce(service_tier, ''), source, count(*),
                    sum(requests), sum(input_tokens), sum(output_tokens), sum(cache_write_5m_tokens),
                    sum(cache_write_1h_tokens), sum(cache_read_tokens), coalesce(sum(reasoning_tokens), 0),
                    coalesce(sum(reported_cost) FILTER (WHERE reported_currency = 'USD'), 0),
                    count(*) FILTER (WHERE reported_currency = 'USD')
                FROM usage_bucket WHERE workspace_id = :workspace GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""";
        String dailyFromBuckets = hourlyFromBuckets.replace(
                "date_trunc('hour', bucket_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'",
                "(bucket_start AT TIME ZONE 'UTC')::date");
        String rollup = """
                SELECT workspace_id, %s, connection_id, provider, provider_key_id, model, service_tier, source, buckets,
                    requests, input_tokens, output_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
                    cache_read_tokens, reasoning_tokens, reported_cost, reported_buckets
                FROM %s WHERE workspace_id = :workspace""";
        for (String[] pair : List.of(new String[] {hourlyFromBuckets, rollup.formatted("hour", "usage_hourly")},
                new String[] {dailyFromBuckets, rollup.formatted("day", "usage_daily")})) {
            assertThat(jdbc.sql("SELECT count(*) FROM ((" + pair[0] + ") EXCEPT (" + pair[1] + ")) AS missing")
                    .param("workspace", workspace).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM ((" + pair[1] + ") EXCEPT (" + pair[0] + ")) AS extra")
                    .param("workspace", workspace).query(Long.class).single()).isZero();
        }
        assertThat(count("usage_daily", workspace)).isPositive();
    }

    private List<String> rows(String table, String workspace) {
        return jdbc.sql("SELECT t::text FROM " + table + " t WHERE workspace_id = ? AND model <> 'marker' ORDER BY 1")
                .param(workspace)
                .query(String.class).list();
    }

    private int count(String table, String workspace) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = ?").param(workspace)
                .query(Integer.class).single();
    }

    private void publishAll(List<UsageEvent> events) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        events.forEach(event -> sent.add(publisher.publish(event)));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** A bucket published after the others of the workspace: once it is stored, so are they (one partition). */
    private void awaitMarker(String workspace) {
        UUID connection = UUID.randomUUID();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        UUID id = UsageEvent.idFor(Provider.OPENAI, connection, null, start, start.plusSeconds(60), "marker", null,
                UsageSource.PASSIVE);
        publisher.publish(new UsageEvent(id, workspace, Instant.now(), UsageEvent.SCHEMA_VERSION, connection,
                Provider.OPENAI, null, "marker", start, start.plusSeconds(60), 1, 0, 0, 0, 0, 0, null, null, null,
                UsageSource.PASSIVE)).join();
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM usage_bucket WHERE event_id = ?")
                .param(id).query(Integer.class).single() == 1);
    }

    private static UsageEvent randomBucket(String workspace, UUID connection, Random random) {
        String model = MODELS.get(random.nextInt(MODELS.size()));
        Provider provider = model.startsWith("claude") ? Provider.ANTHROPIC : Provider.OPENAI;
        boolean costOnly = random.nextInt(6) == 0;
        Duration width = costOnly ? Duration.ofDays(1) : WIDTHS.get(random.nextInt(WIDTHS.size()));
        Instant start = START.plusSeconds(random.nextInt(3 * 86_400))
                .truncatedTo(width.equals(Duration.ofDays(1)) ? ChronoUnit.DAYS
                        : width.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.MINUTES);
        String tier = List.of("standard", "batch", "default").get(random.nextInt(3));
        String keyId = costOnly ? null : "key-" + random.nextInt(3);
        UUID id = UsageEvent.idFor(provider, connection, costOnly ? "cost-report" : keyId, start, start.plus(width),
                model, tier, UsageSource.ADMIN_API);
        UsageEvent shape = new UsageEvent(id, workspace, Instant.parse("2026-10-06T00:00:00Z")
                .plusMillis(random.nextInt(1_000_000)).plusNanos(random.nextInt(1000)), UsageEvent.SCHEMA_VERSION,
                connection, provider, keyId, model, start, start.plus(width), 0, 0, 0, 0, 0, 0, null, tier, null,
                UsageSource.ADMIN_API);
        return revised(shape, shape.occurredAt(), random);
    }

    /** The same bucket at {@code at}, with new random totals (or the same ones, without {@code random}). */
    private static UsageEvent revised(UsageEvent bucket, Instant at, Random random) {
        if (random == null) {
            return new UsageEvent(bucket.eventId(), bucket.workspaceId(), at, bucket.schemaVersion(),
                    bucket.connectionId(), bucket.provider(), bucket.providerKeyId(), bucket.model(),
                    bucket.bucketStart(), bucket.bucketEnd(), bucket.requests(), bucket.inputTokens(),
                    bucket.outputTokens(), bucket.cacheWrite5mTokens(), bucket.cacheWrite1hTokens(),
                    bucket.cacheReadTokens(), bucket.reasoningTokens(), bucket.serviceTier(), bucket.reportedCost(),
                    bucket.source());
        }
        boolean costOnly = "cost-report".equals(bucket.providerKeyId()) || bucket.providerKeyId() == null;
        boolean anthropic = bucket.provider() == Provider.ANTHROPIC;
        Money cost = costOnly || random.nextInt(5) == 0
                ? Money.usd(BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), random.nextInt(11)).toPlainString())
                : null;
        return new UsageEvent(bucket.eventId(), bucket.workspaceId(), at, bucket.schemaVersion(),
                bucket.connectionId(), bucket.provider(), bucket.providerKeyId(), bucket.model(), bucket.bucketStart(),
                bucket.bucketEnd(), costOnly ? 0 : random.nextInt(1000), costOnly ? 0 : random.nextInt(1_000_000),
                costOnly ? 0 : random.nextInt(100_000), costOnly || !anthropic ? 0 : random.nextInt(50_000),
                costOnly || !anthropic ? 0 : random.nextInt(50_000), costOnly ? 0 : random.nextInt(500_000),
                costOnly || random.nextBoolean() ? null : (long) random.nextInt(1000), bucket.serviceTier(), cost,
                bucket.source());
    }
}
