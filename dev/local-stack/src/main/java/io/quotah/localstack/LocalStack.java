package io.quotah.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./quotah up | down | status}: the whole system on one machine, no Docker. {@code up} finds or
 * starts PostgreSQL and Redis, starts a real Kafka broker, a mail catcher and every service as its own
 * process, waits until each is ready, prints where everything is, and on Ctrl-C (or {@code ./quotah down})
 * stops what it started, services first, and nothing else.
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(Settings.get("QUOTAH_READY_TIMEOUT_SECONDS", "300")));
    /** Generous: on the first stop after a build each JVM also writes its class-data archive. */
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final StackLayout layout;
    private final StackState state;
    private final List<ManagedProcess> services = new ArrayList<>();
    private KafkaProvider kafka;
    private KeycloakProvider keycloak;
    private SimulatorProvider simulator;
    private MailProvider mail;
    private CompletableFuture<KeycloakProvider> keycloakStart;
    private RedisProvider redis;
    private PostgresProvider postgres;

    private LocalStack(StackLayout layout) {
        this.layout = layout;
        this.state = new StackState(layout);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        LocalStack stack = new LocalStack(StackLayout.fromSystem());
        try {
            int exit = switch (command) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> stack.status();
                default -> {
                    System.err.println("usage: quotah up | down | status");
                    yield 2;
                }
            };
            System.exit(exit);
        } catch (StackException e) {
            System.err.println();
            System.err.println("quotah: " + e.getMessage());
            System.exit(1);
        }
    }

    private int up() {
        Optional<ProcessHandle> running = state.runningSupervisor();
        if (running.isPresent()) {
            System.out.println("Quotah is already running (pid " + running.get().pid() + "). "
                    + "See ./quotah status, or stop it with ./quotah down.");
            return 1;
        }
        Instant started = Instant.now();
        layout.createFolders();
        for (QuotahService service : QuotahService.values()) {
            layout.runnableJar(service.module());
            Ports.requireFree(service.port(), service.module(), service.portVariable());
        }
        if (KeycloakProvider.startsKeycloak()) {
            Ports.requireFree(KeycloakProvider.port(), "Keycloak", KeycloakProvider.PORT_VARIABLE);
        }
        if (SimulatorProvider.startsSimulator()) {
            layout.runnableJar("dev/provider-simulator");
            Ports.requireFree(SimulatorProvider.port(), "the provider simulator", SimulatorProvider.PORT_VARIABLE);
        }
        if (MailProvider.startsCatcher()) {
            layout.mailCatcherJar();
            Ports.requireFree(MailProvider.smtpPort(), "the mail catcher's SMTP server",
                    MailProvider.SMTP_PORT_VARIABLE);
            Ports.requireFree(MailProvider.webPort(), "the mail catcher's web page and API",
                    MailProvider.WEB_PORT_VARIABLE);
        }
        if (KafkaProvider.startsBroker()) {
            Ports.requireFree(KafkaProvider.port(), "Kafka", KafkaProvider.PORT_VARIABLE);
            Ports.requireFree(KafkaProvider.controllerPort(), "Kafka's controller",
                    KafkaProvider.CONTROLLER_PORT_VARIABLE);
        }
        state.claim();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("quotah-stop").unstarted(() -> {
            stopEverything();
            stopped.countDown();
        }));

        System.out.println("Starting Quotah from " + layout.home() + " (logs in " + layout.home().relativize(
                layout.logs()) + "/)");
        postgres = step("PostgreSQL", () -> PostgresProvider.findOrStart(layout));
        Map<QuotahService, String> databaseUrls = new EnumMap<>(QuotahService.class);
        for (QuotahService service : QuotahService.values()) {
            if (service.database() != null) {
                databaseUrls.put(service, postgres.urlOf(service.database()));
            }
        }
        postgres.createDatabases(databaseUrls.keySet().stream().map(QuotahService::database).toList());
        redis = step("Redis", () -> RedisProvider.findOrStart(layout));
        kafka = step("Kafka", () -> KafkaProvider.findOrStart(layout));
        // Services need Keycloak only when a request comes: they start while it does.
        keycloakStart = CompletableFuture.supplyAsync(() -> step("Keycloak",
                () -> KeycloakProvider.findOrStart(layout, postgres, QuotahService.GATEWAY.baseUrl())));

        if (SimulatorProvider.startsSimulator()) {
            simulator = step("Simulator", () -> SimulatorProvider.start(layout));
        }
        mail = step("Mail", () -> MailProvider.findOrStart(layout));
        Map<String, String> environment = new HashMap<>(ServiceLauncher.environment(postgres.user(),
                postgres.password(), databaseUrls, redis.url(), kafka.bootstrap(), KeycloakProvider.expectedUrl(),
                KeycloakProvider.expectedClientSecret(layout)));
        if (Settings.get("QUOTAH_POLLER_DATA_KEY") == null) {
            environment.put("QUOTAH_POLLER_DATA_KEY", LocalSecrets.dataKey(layout, "poller-data-key"));
        }
        if (simulator != null) {
            environment.putAll(simulator.pollerEnvironment());
        }
        var launcher = new ServiceLauncher(layout, environment);
        Map<QuotahService, ManagedProcess> byService = new EnumMap<>(QuotahService.class);
        for (QuotahService service : QuotahService.values()) {
            ManagedProcess process = launcher.start(service, service == QuotahService.NOTIFICATION
                    ? ServiceLauncher.notificationEnvironment(mail.serviceEnvironment()) : Map.of());
            byService.put(service, process);
            services.add(process);
        }
        System.out.printf("  services   starting %d, waiting until each is ready...%n", byService.size());
        List<String> failures = awaitReady(byService);
        try {
            keycloak = keycloakStart.join();
        } catch (CompletionException e) {
            failures.add(e.getCause() instanceof StackException stack ? stack.getMessage() : e.getCause().toString());
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            throw new StackException("Quotah did not start; everything it started is being stopped.");
        }
        List<StackState.Component> components = components(byService);
        state.save(components);
        String demo = DemoAccount.ensure(QuotahService.AUTH.baseUrl());
        if (simulator != null) {
            DemoAccount.watchSimulatedKeys(QuotahService.AUTH.baseUrl(), QuotahService.PROVIDER_POLLER.baseUrl());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Quotah is up: all %d services ready in %.1f s.%n", byService.size(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        printTable(components);
        System.out.println();
        System.out.println("Open " + QuotahService.GATEWAY.baseUrl() + "  " + demo);
        if (mail.isCatcher()) {
            System.out.println("Mail Quotah sends is caught, never delivered: " + mail.webUrl()
                    + "/api/user/<address>/messages/INBOX lists what went to <address>.");
        }
        if (KeycloakProvider.startsKeycloak()) {
            System.out.println("Keycloak admin console (demo only): " + keycloak.url() + "/admin  user admin, password in "
                    + layout.state().resolve("secrets/keycloak-admin-password"));
        }
        System.out.println("Logs: " + layout.logs() + "    Stop: Ctrl-C, or ./quotah down");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private <T> T step(String what, java.util.function.Supplier<T> action) {
        Instant start = Instant.now();
        T result = action.get();
        String origin = switch (result) {
            case PostgresProvider p -> p.address() + "  " + p.origin();
            case RedisProvider r -> r.url() + "  " + r.origin();
            case KafkaProvider k -> k.bootstrap() + "  " + k.origin();
            case KeycloakProvider k -> k.url() + "  " + k.origin();
            case SimulatorProvider p -> p.url() + "  Anthropic and OpenAI simulated (QUOTAH_PROVIDERS=real for the real ones)";
            case MailProvider m -> m.describe();
            default -> "";
        };
        System.out.printf(Locale.ROOT, "  %-10s %s (%.1f s)%n", what, origin,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return result;
    }

    /** Waits for every service at once; returns what went wrong, naming the service and its last log lines. */
    private List<String> awaitReady(Map<QuotahService, ManagedProcess> byService) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<String> failures = new ArrayList<>();
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<QuotahService, Future<String>> results = new EnumMap<>(QuotahService.class);
            byService.forEach((service, process) -> results.put(service, waiters.submit(() -> {
                Instant start = Instant.now();
                while (Instant.now().isBefore(deadline)) {
                    if (!process.isAlive()) {
                        return service.module() + " stopped while starting; the end of " + process.log() + ":\n"
                                + process.tail(25);
                    }
                    if (Readiness.isReady(service.readinessUrl())) {
                        System.out.printf(Locale.ROOT, "  %-24s ready (%.1f s)%n", service.module(),
                                Duration.between(start, Instant.now()).toMillis() / 1000.0);
                        return null;
                    }
                    process.awaitExit(Duration.ofMillis(300));
                }
                return service.module() + " was not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                        + service.readinessUrl() + "); see " + process.log();
            })));
            for (Future<String> result : results.values()) {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } catch (Exception e) {
            failures.add("waiting for the services failed: " + e);
        }
        return failures;
    }

    private List<StackState.Component> components(Map<QuotahService, ManagedProcess> byService) {
        List<StackState.Component> components = new ArrayList<>();
        byService.forEach((service, process) -> components.add(new StackState.Component(service.module(),
                service.baseUrl(), service.readinessUrl(), process.pid(), "started by quotah")));
        components.add(new StackState.Component("kafka", kafka.bootstrap(), null,
                kafka.process() == null ? 0 : kafka.process().pid(), kafka.origin()));
        components.add(new StackState.Component("keycloak", keycloak.url(), null, keycloak.pid(), keycloak.origin()));
        if (simulator != null) {
            components.add(new StackState.Component("provider-simulator", simulator.url(), null, simulator.pid(),
                    "started by quotah"));
        }
        components.add(mail.component());
        components.add(new StackState.Component("postgresql", postgres.address(), null, 0, postgres.origin()));
        components.add(new StackState.Component("redis", redis.url(), null, 0, redis.origin()));
        return components;
    }

    private static void printTable(List<StackState.Component> components) {
        System.out.printf("  %-24s %-28s %s%n", "SERVICE", "URL", "STATE");
        for (StackState.Component component : components) {
            System.out.printf("  %-24s %-28s %s%n", component.name(), component.address(), describe(component));
        }
    }

    private static String describe(StackState.Component component) {
        boolean alive = component.pid() == 0
                || ProcessHandle.of(component.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return "stopped";
        }
        if (component.readinessUrl() == null) {
            return "running (" + component.origin() + ")";
        }
        return Readiness.isReady(component.readinessUrl()) ? "ready" : "not ready";
    }

    /**
     * Services first (they flush and commit, and may still send mail), then Keycloak, the simulator, the mail
     * catcher and the broker, then what quotah started of Redis and PostgreSQL.
     */
    private void stopEverything() {
        if (services.isEmpty() && simulator == null && mail == null && kafka == null && keycloakStart == null
                && redis == null && postgres == null) {
            state.clear();
            return;
        }
        System.out.println();
        System.out.println("Stopping Quotah...");
        try (ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(process -> stoppers.submit(() -> process.stop(SERVICE_STOP_GRACE)));
        }
        closeQuietly(keycloak != null ? keycloak : startedMeanwhile(keycloakStart));
        closeQuietly(simulator);
        closeQuietly(mail);
        closeQuietly(kafka);
        closeQuietly(redis);
        closeQuietly(postgres);
        state.clear();
        System.out.println("Stopped: nothing Quotah started is left running.");
    }

    /** A Keycloak still starting when the stack is stopped: wait for it, so it is not left behind. */
    private static KeycloakProvider startedMeanwhile(CompletableFuture<KeycloakProvider> starting) {
        if (starting == null) {
            return null;
        }
        try {
            return starting.get(4, TimeUnit.MINUTES);
        } catch (Exception e) {
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    private int down() {
        Optional<ProcessHandle> supervisor = state.runningSupervisor();
        if (supervisor.isPresent()) {
            System.out.println("Stopping Quotah (pid " + supervisor.get().pid() + ")...");
            supervisor.get().destroy();
            supervisor.get().onExit().orTimeout(90, TimeUnit.SECONDS).join();
            System.out.println("Stopped.");
            return 0;
        }
        // The supervisor died without cleaning up (kill -9): stop the children it wrote down.
        int stopped = 0;
        for (StackState.Component component : state.load()) {
            Optional<ProcessHandle> child = ProcessHandle.of(component.pid()).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine()
                            .map(line -> line.contains(layout.home().toString())).orElse(false));
            if (child.isPresent()) {
                child.get().destroy();
                child.get().onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                    child.get().destroyForcibly();
                    return null;
                }).join();
                stopped++;
            }
        }
        state.clear();
        System.out.println(stopped == 0 ? "Quotah is not running." : "Stopped " + stopped + " leftover processes.");
        return 0;
    }

    private int status() {
        Optional<ProcessHandle> supervisor = state.runningSupervisor();
        List<StackState.Component> components = state.load();
        if (supervisor.isEmpty()) {
            System.out.println("Quotah is not running. Start it with ./quotah up");
            return components.isEmpty() ? 3 : 1;
        }
        if (components.isEmpty()) {
            System.out.println("Quotah is starting (pid " + supervisor.get().pid() + "); logs in " + layout.logs());
            return 0;
        }
        System.out.println("Quotah is running (pid " + supervisor.get().pid() + "):");
        printTable(components);
        System.out.println("Logs: " + layout.logs());
        return 0;
    }
}
