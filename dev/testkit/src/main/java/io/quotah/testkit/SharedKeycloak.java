package io.quotah.testkit;

import io.quotah.dev.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * One Keycloak for a whole test run rather than one per test JVM: {@code ./quotah test} names the run in
 * {@code QUOTAH_TEST_RUN}; the first JVM that needs Keycloak starts it detached and records it in
 * {@code .quotah/test-keycloak/realm.properties}; later JVMs of the same run find it there; {@code ./quotah test}
 * stops it when the run ends. A Keycloak left by an earlier run is stopped and its database dropped.
 */
final class SharedKeycloak {

    private final Path directory;
    private final PostgresServer postgres;

    SharedKeycloak(Path repositoryHome, PostgresServer postgres) {
        this.directory = repositoryHome.resolve(".quotah/test-keycloak");
        this.postgres = postgres;
    }

    /** This run's Keycloak, started now if no JVM of the run has started it yet. */
    KeycloakRealm forRun(String run, Path repositoryHome, IntSupplier freePort) {
        try {
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                Optional<Properties> recorded = read();
                if (recorded.isPresent() && run.equals(recorded.get().getProperty("run")) && alive(recorded.get())) {
                    Properties found = recorded.get();
                    return new KeycloakRealm(found.getProperty("url"), found.getProperty("clientSecret"),
                            found.getProperty("adminPassword"), "this test run's shared Keycloak (" + run + ")");
                }
                recorded.ifPresent(this::retire);
                return start(run, repositoryHome, freePort.getAsInt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot share Keycloak through " + directory, e);
        }
    }

    private KeycloakRealm start(String run, Path repositoryHome, int port) throws IOException {
        PostgresServer.Database database = postgres.createLastingDatabase("quotah_it_keycloak");
        String secret = "test-only-" + UUID.randomUUID();
        String adminPassword = "test-only-" + UUID.randomUUID();
        KeycloakServer server = KeycloakServer.start(new KeycloakServer.Options(repositoryHome, port, database.url(),
                database.user(), database.password(), secret, "http://localhost:8080", adminPassword,
                directory.resolve("keycloak.log")));
        Properties record = new Properties();
        record.setProperty("run", run);
        record.setProperty("pid", Long.toString(server.pid()));
        record.setProperty("url", server.url());
        record.setProperty("clientSecret", secret);
        record.setProperty("adminPassword", adminPassword);
        record.setProperty("database", database.name());
        write(record);
        return new KeycloakRealm(server.url(), secret, adminPassword,
                "a Keycloak started for this test run (" + run + "), shared by its test JVMs");
    }

    /** Stops an earlier run's Keycloak, if it is still running, and drops its database. */
    private void retire(Properties earlier) {
        ProcessHandle.of(Long.parseLong(earlier.getProperty("pid", "0"))).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(timedOut -> {
                process.destroyForcibly();
                return process;
            }).join();
        });
        String database = earlier.getProperty("database");
        if (database != null) {
            try {
                postgres.dropDatabase(database);
            } catch (RuntimeException leftBehind) {
                Infrastructure.log.warn("Quotah testkit: could not drop {}: {}", database, leftBehind.getMessage());
            }
        }
    }

    private static boolean alive(Properties recorded) {
        return ProcessHandle.of(Long.parseLong(recorded.getProperty("pid", "0"))).map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private Optional<Properties> read() throws IOException {
        Path file = directory.resolve("realm.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return Optional.of(properties);
    }

    private void write(Properties record) throws IOException {
        Path file = directory.resolve("realm.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            record.store(out, "Keycloak shared by one test run; test-only secrets");
        }
    }
}
