package io.quotah.dev.simulator.traffic;

import io.quotah.dev.simulator.bucket.Admission;
import io.quotah.dev.simulator.bucket.Charge;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.keys.SimulatedKey;
import io.quotah.dev.simulator.scenario.BackgroundLoad;
import io.quotah.dev.simulator.scenario.FaultType;
import io.quotah.dev.simulator.scenario.ModelCatalog;
import io.quotah.dev.simulator.scenario.ModelInfo;
import io.quotah.dev.simulator.usage.UsageCounts;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The traffic keys carry by themselves. Each run works out, from the clock, how many requests each load owed
 * since the last run and sends them through the same buckets and ledger as real calls: a request the
 * buckets refuse is not served and not billed, as with the real providers.
 */
public final class BackgroundTraffic implements AutoCloseable {

    /** A clock that jumped far ahead does not flood the buckets with hours of catch-up. */
    private static final System.Logger LOG = System.getLogger(BackgroundTraffic.class.getName());

    private static final Duration MAX_CATCH_UP = Duration.ofMinutes(5);

    private record LoadId(String keyId, int index) {
    }

    private static final class Progress {
        Instant lastRun;
        double owed;

        Progress(Instant lastRun) {
            this.lastRun = lastRun;
        }
    }

    private final Clock clock;
    private final KeyRegistry keys;
    private final UsageLedger ledger;
    private final Map<LoadId, Progress> progress = new HashMap<>();
    private ScheduledExecutorService scheduler;

    public BackgroundTraffic(Clock clock, KeyRegistry keys, UsageLedger ledger) {
        this.clock = clock;
        this.keys = keys;
        this.ledger = ledger;
    }

    /** Runs {@link #runDue()} every {@code tick} on a virtual thread. */
    public synchronized void schedule(Duration tick) {
        if (scheduler != null) {
            throw new IllegalStateException("already scheduled");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sim-background").factory());
        scheduler.scheduleAtFixedRate(this::runLogged, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the requests owed since the last run. A load seen for the first time starts owing from now.
     *
     * @return the number of requests sent (admitted or refused)
     */
    public synchronized int runDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (SimulatedKey key : keys.all()) {
            List<BackgroundLoad> loads = key.spec().background();
            for (int i = 0; i < loads.size(); i++) {
                BackgroundLoad load = loads.get(i);
                Progress p = progress.computeIfAbsent(new LoadId(key.id(), i), id -> new Progress(now));
                Instant from = p.lastRun.isBefore(now.minus(MAX_CATCH_UP)) ? now.minus(MAX_CATCH_UP) : p.lastRun;
                if (!now.isAfter(from)) {
                    continue;
                }
                p.owed += requestsBetween(load, from, now);
                p.lastRun = now;
                int due = (int) Math.floor(p.owed + 1e-9);
                p.owed -= due;
                for (int r = 0; r < due; r++) {
                    send(key, load, now);
                }
                sent += due;
            }
        }
        return sent;
    }

    private void runLogged() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // an exception would silently cancel the schedule; say it and keep the traffic going
            LOG.log(System.Logger.Level.ERROR, "background traffic run failed", e);
        }
    }

    /** Forgets all progress: loads start owing from their next run. */
    public synchronized void reset() {
        progress.clear();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /**
     * The integral of the request rate over [from, to). With a wave the rate is
     * {@code rpm * (1 + sin(2 pi t / period))}, which integrates in closed form.
     */
    static double requestsBetween(BackgroundLoad load, Instant from, Instant to) {
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        // rpm * seconds / 60 rather than (rpm / 60) * seconds: 10 rpm over 60 s is exactly 10
        double steady = load.requestsPerMinute() * seconds / 60.0;
        if (load.wavePeriodMinutes() <= 0) {
            return steady;
        }
        double period = load.wavePeriodMinutes() * 60;
        double omega = 2 * Math.PI / period;
        double t0 = from.getEpochSecond() + from.getNano() / 1e9;
        double t1 = t0 + seconds;
        double wave = (Math.cos(omega * t0) - Math.cos(omega * t1)) / omega;
        return steady + load.requestsPerMinute() / 60.0 * wave;
    }

    private void send(SimulatedKey key, BackgroundLoad load, Instant now) {
        FaultType fault = key.fault().type();
        if (fault != FaultType.NONE && fault != FaultType.SLOW) {
            return;
        }
        ModelInfo model = ModelCatalog.lookup(key.provider(), load.model()).orElseThrow();
        key.limitsFor(model.modelClass()).ifPresent(limits -> {
            long input = key.provider().rateLimitedInputTokens(load.inputTokens(), 0, load.cachedInputTokens());
            Admission admission = limits.admit(new Charge(1, input, load.outputTokens()), now);
            if (admission instanceof Admission.Admitted) {
                ledger.record(key.id(), model.servedName(), now,
                        new UsageCounts(1, load.inputTokens(), 0, 0, load.cachedInputTokens(), load.outputTokens()));
            }
        });
    }
}
