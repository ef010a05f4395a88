package io.quotah.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quotah.testkit.Infrastructure;
import io.quotah.testkit.KeycloakRealm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `./quotah up` as a person runs it: every service ready and listed, the mail catcher taking mail and showing
 * it, `status` and a second `up` answer sensibly, and stopping leaves no process and no listening port
 * behind. Runs on free ports and a state folder of its own, so a stack you are running is left alone.
 */
class QuotahUpIT {

    private final StackLayout layout = StackLayout.fromSystem();
    private final Map<String, String> environment = new HashMap<>();
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
        String mailWeb = "http://localhost:" + MailProvider.webPort();
        String mailState = "running (started by quotah; SMTP 127.0.0.1:" + MailProvider.smtpPort() + ")";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output)
                .anySatisfy(line -> assertThat(line).contains("mail-catcher", mailWeb, mailState)));
        theMailCatcherTakesMailAndShowsIt("http://127.0.0.1:" + MailProvider.webPort());
        assertThat(run("status")).contains("Quotah is running").containsPattern("(?s)(ready.*){6}")
                .contains(mailState);
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
        // where the stack's mail catcher answers (its REST API: see MailProvider), for steps that read mail
        browser.environment().put("MAIL_CATCHER_URL", "http://127.0.0.1:" + MailProvider.webPort());
        browser.environment().put("SCREENSHOT_DIR",
                layout.home().resolve("dev/local-stack/target/e2e-screenshots").toString());
        Process run = browser.start();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(said);
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as("the dashboard in Chromium:%n%s", said).isZero();
        assertThat(said).contains("0 failed");
    }

    /**
     * One mail through the catcher's SMTP port, spoken by hand, read back from its REST API as a test that
     * reads the mail Quotah sent would read it; then purged.
     */
    private void theMailCatcherTakesMailAndShowsIt(String api) throws Exception {
        assertThat(Readiness.isReady(api + "/api/service/readiness")).as("the mail catcher's readiness").isTrue();
        String to = "upit-" + UUID.randomUUID() + "@example.com";
        String subject = "QuotahUpIT " + UUID.randomUUID();
        sendMail(MailProvider.smtpPort(), to, subject, "A key is close to its limit.");

        JsonNode messages = getJson(api + "/api/user/" + to + "/messages/INBOX");
        assertThat(messages.size()).as("messages to %s: %s", to, messages).isEqualTo(1);
        assertThat(messages.get(0).get("subject").asString()).isEqualTo(subject);
        assertThat(messages.get(0).get("mimeMessage").asString()).contains("To: " + to,
                "A key is close to its limit.");

        HttpResponse<String> purged = http.send(HttpRequest.newBuilder(URI.create(api + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
        assertThat(getJson(api + "/api/user/" + to + "/messages/INBOX").size()).isZero();
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** Plain SMTP, the conversation any mail client has with the server. */
    private static void sendMail(int port, String to, String subject, String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            expectReply(in, "220");
            say(out, in, "EHLO quotah-upit", "250");
            say(out, in, "MAIL FROM:<alerts@quotah.local>", "250");
            say(out, in, "RCPT TO:<" + to + ">", "250");
            say(out, in, "DATA", "354");
            say(out, in, "From: alerts@quotah.local\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\n" + text
                    + "\r\n.", "250");
            say(out, in, "QUIT", "221");
        }
    }

    private static void say(Writer out, BufferedReader in, String lines, String expectedCode) throws IOException {
        out.write(lines + "\r\n");
        out.flush();
        expectReply(in, expectedCode);
    }

    /** Reads one reply, its continuation lines ("250-...") included, and checks its code. */
    private static void expectReply(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("the SMTP server's reply").isNotNull();
        } while (line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).as("the SMTP server's reply").startsWith(code);
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
        variables.add(MailProvider.SMTP_PORT_VARIABLE);
        variables.add(MailProvider.WEB_PORT_VARIABLE);
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
        // the stack's own mail catcher is under test, not an SMTP server named in the caller's environment
        builder.environment().remove(MailProvider.HOST_VARIABLE);
        builder.environment().remove(MailProvider.PORT_VARIABLE);
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
