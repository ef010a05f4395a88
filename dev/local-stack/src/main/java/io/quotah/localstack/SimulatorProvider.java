package io.quotah.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider simulator, standing in for Anthropic and OpenAI so a local stack moves like a real account
 * without spending anything. {@code QUOTAH_PROVIDERS=real} leaves it out and lets the poller call the real
 * providers; {@code QUOTAH_SIMULATOR_SCENARIO} names a scenario file of your own.
 */
final class SimulatorProvider implements AutoCloseable {

    static final String PORT_VARIABLE = "QUOTAH_SIMULATOR_PORT";

    private final String url;
    private final ManagedProcess process;

    private SimulatorProvider(String url, ManagedProcess process) {
        this.url = url;
        this.process = process;
    }

    static boolean startsSimulator() {
        return !"real".equalsIgnoreCase(Settings.get("QUOTAH_PROVIDERS", "simulated"));
    }

    static int port() {
        return Settings.port(PORT_VARIABLE, 8090);
    }

    static SimulatorProvider start(StackLayout layout) {
        String url = "http://127.0.0.1:" + port();
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaBinary(), "-Xms32m", "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                layout.runnableJar("dev/provider-simulator").toString(), "--port", Integer.toString(port())));
        String scenario = Settings.get("QUOTAH_SIMULATOR_SCENARIO");
        if (scenario != null) {
            command.addAll(List.of("--scenario", scenario));
        }
        ManagedProcess process = ManagedProcess.start("provider-simulator", command, Map.of(), layout.home(),
                layout.logs().resolve("provider-simulator.log"));
        SimulatorProvider simulator = new SimulatorProvider(url, process);
        simulator.awaitAnswer(Duration.ofSeconds(30));
        return simulator;
    }

    /** The variables that point the poller at the simulator. */
    Map<String, String> pollerEnvironment() {
        return Map.of("QUOTAH_ANTHROPIC_BASE_URL", url + "/anthropic", "QUOTAH_OPENAI_BASE_URL", url + "/openai");
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    private void awaitAnswer(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException("The provider simulator stopped while starting; see "
                        + process.log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/_sim/state"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            process.awaitExit(Duration.ofMillis(200));
        }
        throw new StackException("The provider simulator did not answer at " + url + " within "
                + timeout.toSeconds() + " s; see " + process.log());
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(5));
    }
}
