package io.quotah.dev.simulator;

import io.quotah.dev.simulator.anthropic.AnthropicRoutes;
import io.quotah.dev.simulator.control.ControlRoutes;
import io.quotah.dev.simulator.control.SimulatorControl;
import io.quotah.dev.simulator.control.SimulatorState;
import io.quotah.dev.simulator.control.UsageRevision;
import io.quotah.dev.simulator.http.Router;
import io.quotah.dev.simulator.http.SimHttpServer;
import io.quotah.dev.simulator.keys.KeyRegistry;
import io.quotah.dev.simulator.openai.OpenAiRoutes;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.dev.simulator.traffic.BackgroundTraffic;
import io.quotah.dev.simulator.usage.UsageEntry;
import io.quotah.dev.simulator.usage.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Anthropic and OpenAI on one local HTTP server: Anthropic under {@code /anthropic}, OpenAI under
 * {@code /openai}, the control API under {@code /_sim}. Start one per test (port 0 picks a free port) or run
 * {@link SimulatorMain} as a process. The control methods here do what the {@code /_sim} API does.
 *
 * <pre>{@code
 * try (var sim = ProviderSimulator.start(Scenario.defaultScenario(), 0)) {
 *     client.baseUrl(sim.anthropicBaseUrl());   // POST .../v1/messages
 * }
 * }</pre>
 */
public final class ProviderSimulator implements AutoCloseable {

    public static final String ANTHROPIC_PREFIX = "/anthropic";
    public static final String OPENAI_PREFIX = "/openai";
    public static final String CONTROL_PREFIX = "/_sim";

    private final SimHttpServer server;
    private final String baseUrl;
    private final Clock clock;
    private final SimulatorControl control;
    private final BackgroundTraffic traffic;
    private final AtomicLong providerRequests;

    private ProviderSimulator(SimHttpServer server, String baseUrl, Clock clock, SimulatorControl control,
                              BackgroundTraffic traffic, AtomicLong providerRequests) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.control = control;
        this.traffic = traffic;
        this.providerRequests = providerRequests;
    }

    /** On 127.0.0.1, with the system clock and background traffic every second. */
    public static ProviderSimulator start(Scenario scenario, int port) {
        return builder(scenario).port(port).start();
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(scenario);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String anthropicBaseUrl() {
        return baseUrl + ANTHROPIC_PREFIX;
    }

    public String openAiBaseUrl() {
        return baseUrl + OPENAI_PREFIX;
    }

    public int port() {
        return server.port();
    }

    public Clock clock() {
        return clock;
    }

    public SimulatorState state() {
        return control.state();
    }

    /** Sets every window of the key (secret or id) as if {@code usedPercent} of each limit had just been used. */
    public void drain(String keyOrId, double usedPercent) {
        control.drain(keyOrId, usedPercent);
    }

    public void fault(String keyOrId, Fault fault) {
        control.fault(keyOrId, fault);
    }

    public void addKey(KeySpec key) {
        control.addKey(key);
    }

    /** Adds tokens to an existing usage bucket, as the providers revise recent buckets. */
    public UsageEntry reviseUsage(UsageRevision revision) {
        return control.reviseUsage(revision);
    }

    /** Back to the scenario: full buckets, scenario faults, no usage, no keys added at runtime. */
    public void reset() {
        control.reset();
    }

    /** Sends the background traffic the clock says is owed now; returns how many requests were sent. */
    public int runBackgroundTraffic() {
        return control.runBackgroundTraffic();
    }

    /**
     * How many provider API requests reached the simulator, whatever their answer (401 and 429 included;
     * control calls and background traffic not): lets a test prove that nothing was called.
     */
    public long requestsServed() {
        return providerRequests.get();
    }

    /** Everything served so far, per minute, key and model. */
    public List<UsageEntry> usage() {
        return control.usage();
    }

    @Override
    public void close() {
        traffic.close();
        server.close();
    }

    /** Chooses address, clock and background schedule before starting. */
    public static final class Builder {
        private final Scenario scenario;
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration backgroundTick = Duration.ofSeconds(1);

        private Builder(Scenario scenario) {
            this.scenario = scenario;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How often background traffic runs by itself; {@link Duration#ZERO} never, so a test drives it with
         * {@link ProviderSimulator#runBackgroundTraffic()} and nothing moves behind its back.
         */
        public Builder backgroundTick(Duration tick) {
            this.backgroundTick = tick;
            return this;
        }

        public ProviderSimulator start() {
            KeyRegistry keys = new KeyRegistry(clock);
            keys.replaceAll(scenario.keys());
            UsageLedger ledger = new UsageLedger(scenario.usageReportDelay());
            BackgroundTraffic traffic = new BackgroundTraffic(clock, keys, ledger);
            SimulatorControl control = new SimulatorControl(scenario, clock, keys, ledger, traffic);

            Router router = new Router();
            AnthropicRoutes.register(router, ANTHROPIC_PREFIX, clock, keys, ledger);
            OpenAiRoutes.register(router, OPENAI_PREFIX, clock, keys, ledger);
            ControlRoutes.register(router, CONTROL_PREFIX, control);
            AtomicLong providerRequests = new AtomicLong();
            SimHttpServer server = SimHttpServer.start(host, port, request -> {
                if (!request.path().startsWith(CONTROL_PREFIX)) {
                    providerRequests.incrementAndGet();
                }
                return router.route(request);
            });
            // background traffic is owed from this moment on, whether it runs by itself or when asked
            traffic.runDue();
            if (!backgroundTick.isZero()) {
                traffic.schedule(backgroundTick);
            }
            String shownHost = host.contains(":") ? "[" + host + "]" : host;
            return new ProviderSimulator(server, "http://" + shownHost + ":" + server.port(), clock, control, traffic,
                    providerRequests);
        }
    }
}
