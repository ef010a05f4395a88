package io.quotah.dev.simulator;

import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.Scenario;
import io.quotah.dev.simulator.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process: {@code java -jar provider-simulator-*-exec.jar --port 8090 --scenario s.json}.
 * Without {@code --scenario} it serves the built-in demo scenario. Stops on SIGTERM or Ctrl-C.
 */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: provider-simulator [--port 8090] [--host 127.0.0.1] [--scenario path/to/scenario.json]
              --port       port to listen on (0 picks a free one); default 8090
              --host       address to bind; default 127.0.0.1
              --scenario   scenario JSON; default: the built-in demo scenario (demo-only keys)""";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        String host = "127.0.0.1";
        Path scenarioPath = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = port(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--scenario" -> scenarioPath = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> exit("unknown argument: " + arg);
            }
        }
        Scenario scenario;
        try {
            scenario = scenarioPath == null ? Scenario.defaultScenario() : Scenario.load(scenarioPath);
        } catch (ScenarioException e) {
            exit(e.getMessage());
            return;
        }
        ProviderSimulator simulator = ProviderSimulator.builder(scenario).host(host).port(port).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("Provider simulator listening on " + simulator.baseUrl() + " ("
                + (scenarioPath == null ? "built-in demo scenario" : scenarioPath) + ")");
        System.out.println("  anthropic  " + simulator.anthropicBaseUrl());
        System.out.println("  openai     " + simulator.openAiBaseUrl());
        System.out.println("  control    " + simulator.baseUrl() + ProviderSimulator.CONTROL_PREFIX + "/state");
        for (KeySpec key : scenario.keys()) {
            System.out.println("  key        " + key.provider().id() + " " + KeySpec.masked(key.key()) + " (" + key.id()
                    + (key.adminKey() == null ? "" : ", admin " + KeySpec.masked(key.adminKey())) + ")");
        }
        stopped.await();
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        exit("--port needs a number from 0 to 65535, not " + text);
        return -1;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            exit(option + " needs a value");
        }
        return args[index];
    }

    private static void exit(String message) {
        System.err.println("provider-simulator: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
