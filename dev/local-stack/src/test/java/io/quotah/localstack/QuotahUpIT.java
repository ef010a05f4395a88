package io.quotah.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakRealm;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * `./quotah up` as a person runs it: every service ready and listed, `status` and a second `up` answer
 * sensibly, and stopping leaves no process and no listening port behind. Runs on free ports and a state
 * folder of its own, so a stack you are running is left alone.
 */
class QuotahUpIT {

    private final StackLayout layout = StackLayout.fromSystem();
    private final Map<String, String> environment = new HashMap<>();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhateverIsLeftAndDropTheDatabases() throws Exception {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        String prefix = environment.get("QUOTAH_DB_PREFIX");
        var postgres = Infrastructure.postgres();
        try (var connection = java.sql.DriverManager.getConnection(postgres.adminUrl(), postgres.user(),
                postgres.password()); var statement = connection.createStatement()) {
            var names = new ArrayList<String>();
            try (var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix
                    + "%'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void up_brings_every_service_to_ready_and_down_leaves_nothing_behind() throws Exception {
        List<Integer> ports = moveEveryPortToAFreeOne();
        Process up = quotah("up");
        List<String> output = readLines(up);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(up.isAlive()).as("./quotah up is running; it said:%n%s", String.join("\n", output)).isTrue();
            return output.stream().anyMatch(line -> line.startsWith("Quotah is up"));
        });

        for (QuotahService service : QuotahService.values()) {
            assertThat(Readiness.isReady(service.readinessUrl())).as(service.module()).isTrue();
            assertThat(output).anySatisfy(line -> assertThat(line).contains(service.module(), service.baseUrl(),
                    "ready"));
        }
        assertThat(run("status")).contains("Quotah is running").containsPattern("(?s)(ready.*){6}");
        assertThat(output).anySatisfy(line -> assertThat(line).contains("Demo account (demo only): demo@quotah.local"));
        runTheDashboardInChromium();
        String second = run("up");
        assertThat(second).contains("Quotah is already running (pid " + up.pid() + ")");

        List<ProcessHandle> children = up.descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(QuotahService.values().length + 1);
        assertThat(run("down")).contains("Stopped");

        assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ports).allMatch(Ports::isFree);
        assertThat(run("status")).contains("Quotah is not running");
    }

    /** dev/e2e's browser test against this stack; screenshots go to target/e2e-screenshots. */
    private void runTheDashboardInChromium() throws Exception {
        Path e2e = layout.home().resolve("dev/e2e");
        Process install = new ProcessBuilder("sh", "-c",
                "[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund")
                .directory(e2e.toFile()).redirectErrorStream(true).start();
        String installed = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor()).as("npm ci in dev/e2e:%n%s", installed).isZero();
        ProcessBuilder browser = new ProcessBuilder("node", "dashboard.e2e.mjs").directory(e2e.toFile())
                .redirectErrorStream(true);
        browser.environment().put("BASE_URL", QuotahService.GATEWAY.baseUrl());
        browser.environment().put("SIMULATOR_URL", "http://127.0.0.1:" + SimulatorProvider.port());
        browser.environment().put("SCREENSHOT_DIR",
                layout.home().resolve("dev/local-stack/target/e2e-screenshots").toString());
        Process run = browser.start();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(said);
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as("the dashboard in Chromium:%n%s", said).isZero();
        assertThat(said).contains("0 failed");
    }

    @Test
    void a_taken_port_is_named_with_the_setting_that_moves_it() throws Exception {
        moveEveryPortToAFreeOne();
        try (ServerSocket squatter = new ServerSocket(0)) {
            environment.put("QUOTAH_ANALYTICS_PORT", Integer.toString(squatter.getLocalPort()));

            Process up = quotah("up");
            String said = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(up.exitValue()).isEqualTo(1);
            assertThat(said).contains("Port " + squatter.getLocalPort() + " is already taken", "analytics-service",
                    "QUOTAH_ANALYTICS_PORT=<free port> ./quotah up");
        }
    }

    /**
     * Free ports for everything, databases of this test's own, and the test run's Keycloak (one per run, as
     * every other test uses: starting Keycloak is what the stack does when none is named).
     */
    private List<Integer> moveEveryPortToAFreeOne() throws IOException {
        environment.put("QUOTAH_DB_PREFIX", "quotah_upit_" + Long.toHexString(System.nanoTime()));
        KeycloakRealm keycloak = Infrastructure.keycloak();
        environment.put("QUOTAH_KEYCLOAK_URL", keycloak.url());
        environment.put("QUOTAH_AUTH_CLIENT_SECRET", keycloak.clientSecret());
        List<Integer> ports = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (QuotahService service : QuotahService.values()) {
            variables.add(service.portVariable());
        }
        variables.add(KafkaProvider.PORT_VARIABLE);
        variables.add(KeycloakProvider.PORT_VARIABLE);
        variables.add(SimulatorProvider.PORT_VARIABLE);
        variables.add(KafkaProvider.CONTROLLER_PORT_VARIABLE);
        for (String variable : variables) {
            int port = freePort();
            ports.add(port);
            environment.put(variable, Integer.toString(port));
            // this JVM computes readiness URLs from the same settings
            System.setProperty(variable, Integer.toString(port));
        }
        return ports;
    }

    private Process quotah(String command) throws IOException {
        Path jar = layout.runnableJar("dev/local-stack");
        ProcessBuilder builder = new ProcessBuilder(ManagedProcess.javaBinary(), "-Xmx96m",
                "-Dquotah.home=" + layout.home(), "-Dquotah.state=" + layout.state(), "-jar", jar.toString(), command)
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String run(String command) throws Exception {
        Process process = quotah(command);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("./quotah %s ends", command).isTrue();
        return output;
    }

    private static List<String> readLines(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
