package io.quotah.poller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.quotah.contracts.events.Provider;
import io.quotah.dev.simulator.ProviderSimulator;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.ConnectionStatus;
import io.quotah.poller.connections.ConnectionStore;
import io.quotah.poller.polling.PollingSettings;
import io.quotah.poller.secrets.KeyCipher;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.RealInfrastructure;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many keys one poller replica polls per minute: N probing keys (half Anthropic, half OpenAI, limits
 * too high ever to answer 429), all due at once and every 10 s after, which is more than one replica keeps up
 * with, so the figure is its capacity rather than the demand. The real scheduler, poller, PostgreSQL and Kafka
 * do the work; the benchmark only watches: polls from {@code last_polled_at}, provider calls from the
 * simulator, snapshots from the topic, CPU from the JVM and {@code /proc/stat}.
 *
 * <p>The provider simulator runs in this same JVM (and so does the Kafka broker when the testkit embeds one)
 * and shares the machine's cores with the poller; PostgreSQL is another process on the same machine. On the
 * 2-core development machine the figures are a floor for a replica with its cores to itself.
 *
 * <p>Not part of {@code mvn verify} (the name matches neither surefire's nor failsafe's patterns). Run it with
 * {@code mvn verify -pl provider-poller-service -Pbenchmark}; system properties {@code bench.keys} (2000),
 * {@code bench.concurrency} (the service's default, 16), {@code bench.warmupSeconds} (10) and
 * {@code bench.windowSeconds} (60). The figures are printed and written to {@code target/benchmark/}.
 */
@SpringBootTest
@RealInfrastructure
class PollerThroughputBenchmark {

    /** The shortest interval a key may have: the most demand per key. */
    private static final int POLL_INTERVAL_SECONDS = 10;
    /** Under the 9 s a key waits at least between polls (10 s less 10 % jitter), so no poll goes unseen. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    /** Polls that finish just before the window closes are written just after; wait for them. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long UNLIMITED = 1_000_000_000L;

    private static final BenchSettings bench = BenchSettings.fromSystemProperties();
    private static final String workspace = "bench-" + UUID.randomUUID();
    private static final List<BenchKey> keys = BenchKey.make(bench.keys());
    private static final ProviderSimulator simulator = ProviderSimulator.builder(scenario(keys))
            .backgroundTick(Duration.ZERO)
            .start();

    @Autowired
    ConnectionStore store;
    @Autowired
    KeyCipher cipher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PollingSettings polling;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void pointAtTheSimulator(DynamicPropertyRegistry registry) {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        registry.add("quotah.poller.encryption.data-keys.k1", () -> Base64.getEncoder().encodeToString(dataKey));
        registry.add("quotah.poller.providers.anthropic.base-url", simulator::anthropicBaseUrl);
        registry.add("quotah.poller.providers.openai.base-url", simulator::openAiBaseUrl);
        if (bench.concurrency() != null) {
            registry.add("quotah.poller.polling.concurrency", bench::concurrency);
        }
    }

    @AfterAll
    static void stopTheSimulator() {
        simulator.close();
    }

    @Test
    void one_replica_polls_as_many_keys_a_minute_as_it_can() throws Exception {
        // given: every key watched, probing, and due now
        insertAllDue();
        try (SnapshotTally snapshots = new SnapshotTally(Infrastructure.kafka().bootstrapServers(), workspace)) {
            PollTally polls = new PollTally(jdbc, workspace);
            sleepFor(bench.warmUp(), snapshots);

            // when: the scheduler runs through the measurement window
            Instant start = Instant.now();
            Instant end = start.plus(bench.window());
            Load before = Load.now(simulator);
            while (Instant.now().isBefore(end)) {
                polls.sample(start);
                sleepFor(min(SAMPLE_EVERY, Duration.between(Instant.now(), end)), snapshots);
            }
            Load during = Load.now(simulator).since(before);
            sleepFor(SETTLE, snapshots);
            polls.sample(start);
            snapshots.catchUp();

            // then
            Figures figures = new Figures(bench, polling, poolSize(), start, end, polls.between(start, end),
                    polls.keysBetween(start, end), during, snapshots.between(start, end), statuses());
            figures.report();
            assertThat(figures.polls()).as("polls completed in the window").isPositive();
        }
    }

    /** One transaction, so the scheduler finds them all due at once rather than as they trickle in. */
    private void insertAllDue() {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            for (BenchKey key : keys) {
                Connection connection = new Connection(UUID.randomUUID(), workspace, key.provider(), key.label(),
                        key.masked(), cipher.seal(key.secret()), null, null, true, POLL_INTERVAL_SECONDS,
                        ConnectionStatus.PENDING, null, null, null, null, 0, now);
                insert(connection, "bench-" + key.index(), now);
            }
        });
    }

    /** {@code ConnectionStore.insert} is private to its feature; the benchmark calls it as it is, not widened. */
    private void insert(Connection connection, String fingerprint, Instant firstPollAt) {
        try {
            Method insert = ConnectionStore.class.getDeclaredMethod("insert", Connection.class, String.class,
                    Instant.class);
            insert.setAccessible(true);
            insert.invoke(store, connection, fingerprint, firstPollAt);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ConnectionStore.insert(Connection, String, Instant) has changed", e);
        }
    }

    private Map<String, Long> statuses() {
        return jdbc.sql("SELECT status, count(*) FROM provider_connection WHERE workspace_id = :w GROUP BY status "
                        + "ORDER BY status")
                .param("w", workspace)
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum,
                        java.util.TreeMap::new));
    }

    private int poolSize() throws SQLException {
        return dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : -1;
    }

    /** Sleeps by reading the snapshot topic, so the consumer keeps up instead of catching up at the end. */
    private static void sleepFor(Duration duration, SnapshotTally snapshots) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            snapshots.read(min(Duration.ofMillis(250), Duration.between(Instant.now(), until)));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Scenario scenario(List<BenchKey> keys) {
        Scenario.Builder scenario = Scenario.builder();
        for (BenchKey key : keys) {
            scenario.key(key.provider() == Provider.ANTHROPIC
                    ? KeySpec.anthropic(key.secret())
                            .limits("haiku", ModelLimits.anthropic(UNLIMITED, UNLIMITED, UNLIMITED)).build()
                    : KeySpec.openAi(key.secret())
                            .limits("gpt-5-nano", ModelLimits.openAi(UNLIMITED, UNLIMITED)).build());
        }
        return scenario.build();
    }

    /** What the run was asked for. {@code concurrency} is null when the service's own setting applies. */
    record BenchSettings(int keys, String concurrency, Duration warmUp, Duration window) {

        static BenchSettings fromSystemProperties() {
            return new BenchSettings(Integer.getInteger("bench.keys", 2000),
                    System.getProperty("bench.concurrency"),
                    Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10)),
                    Duration.ofSeconds(Integer.getInteger("bench.windowSeconds", 60)));
        }
    }

    /** A watched key: even indexes Anthropic, odd ones OpenAI; secrets in each provider's format. */
    record BenchKey(int index, Provider provider, String secret) {

        static List<BenchKey> make(int count) {
            HexFormat hex = HexFormat.of();
            SecureRandom random = new SecureRandom();
            List<BenchKey> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] noise = new byte[8];
                random.nextBytes(noise);
                keys.add(i % 2 == 0
                        ? new BenchKey(i, Provider.ANTHROPIC, "sk-ant-api03-bench-%05d-%s".formatted(i, hex.formatHex(noise)))
                        : new BenchKey(i, Provider.OPENAI, "sk-proj-bench%05d%s".formatted(i, hex.formatHex(noise))));
            }
            return keys;
        }

        String label() {
            return "bench " + index;
        }

        String masked() {
            return (provider == Provider.ANTHROPIC ? "sk-ant-…" : "sk-proj-…") + secret.substring(secret.length() - 4);
        }
    }

    /** Counters read at the edges of the window; {@link #since} turns two readings into what happened between. */
    record Load(long providerCalls, long jvmCpuNanos, MachineCpu.Ticks machine, long wallNanos) {

        static Load now(ProviderSimulator simulator) {
            return new Load(simulator.requestsServed(), MachineCpu.jvmCpuNanos(), MachineCpu.ticks(), System.nanoTime());
        }

        Load since(Load earlier) {
            return new Load(providerCalls - earlier.providerCalls, jvmCpuNanos - earlier.jvmCpuNanos,
                    machine == null || earlier.machine == null ? null : machine.minus(earlier.machine),
                    wallNanos - earlier.wallNanos);
        }
    }

    /** The figure block: what was measured and under which settings. */
    record Figures(BenchSettings bench, PollingSettings polling, int poolSize, Instant start, Instant end, long polls,
            long keysPolled, Load load, long snapshots, Map<String, Long> statuses) {

        void report() throws IOException {
            double minutes = Duration.between(start, end).toMillis() / 60_000.0;
            int cpus = Runtime.getRuntime().availableProcessors();
            double demandPerMinute = bench.keys() * 60.0 / POLL_INTERVAL_SECONDS;
            double pollsPerMinute = polls / minutes;
            double jvmCpu = 100.0 * load.jvmCpuNanos() / (load.wallNanos() * (double) cpus);
            String machine = load.machine() == null ? "n/a (no /proc/stat)"
                    : "%.0f %% busy, all processes (PostgreSQL, the JVM, anything else)".formatted(
                            100.0 * load.machine().busyShare());
            String block = """

                    ==================== poller throughput: one replica ====================
                    keys watched            %d (half Anthropic, half OpenAI), probing, every %d s
                    demand if kept up       %.0f polls/min (%s)
                    concurrency             %d  (quotah.poller.polling.concurrency)
                    scheduler tick          %s  (quotah.poller.polling.tick)
                    DB pool                 %s connections (Hikari)
                    CPUs                    %d  (shared: the simulator runs in this JVM, PostgreSQL beside it)
                    window                  %d s, after %d s warm-up
                    ------------------------------------------------------------------------
                    keys polled per minute  %.0f  (%d polls in the window, %d distinct keys)
                    polls per second        %.1f
                    provider calls          %.0f /min  (%d simulator requests in the window)
                    snapshots published     %.0f /min  (%d RateLimitSnapshot records in the window)
                    JVM CPU                 %.0f %% of %d cores (poller, simulator, benchmark; Kafka when embedded)
                    machine CPU             %s
                    statuses after          %s
                    ========================================================================
                    """.formatted(bench.keys(), POLL_INTERVAL_SECONDS, demandPerMinute,
                    pollsPerMinute < 0.95 * demandPerMinute ? "not kept up: the figure is capacity"
                            : "kept up: raise bench.keys to measure capacity",
                    polling.concurrency(), polling.tick().toMillis() + " ms",
                    poolSize < 0 ? "?" : String.valueOf(poolSize), cpus, Duration.between(start, end).toSeconds(),
                    bench.warmUp().toSeconds(), pollsPerMinute, polls, keysPolled, pollsPerMinute / 60,
                    load.providerCalls() / minutes, load.providerCalls(), snapshots / minutes, snapshots, jvmCpu, cpus,
                    machine, statuses);
            System.out.println(block);
            Path file = Path.of("target", "benchmark",
                    "poller-throughput-c%d-k%d.txt".formatted(polling.concurrency(), bench.keys()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.strip() + System.lineSeparator());
        }
    }

    /** CPU time of this JVM, and of the whole machine where Linux tells it. */
    static final class MachineCpu {

        private MachineCpu() {
        }

        static long jvmCpuNanos() {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
        }

        /** The first line of {@code /proc/stat}; null elsewhere. */
        static Ticks ticks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new Ticks(total - idle, total);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        record Ticks(long busy, long total) {

            Ticks minus(Ticks earlier) {
                return new Ticks(busy - earlier.busy, total - earlier.total);
            }

            double busyShare() {
                return total == 0 ? 0 : (double) busy / total;
            }
        }
    }
}
