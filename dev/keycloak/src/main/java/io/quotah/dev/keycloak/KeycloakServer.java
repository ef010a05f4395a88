package io.quotah.dev.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak from its Maven Central distribution (unpacked by this module's build), running the
 * {@value #REALM} realm from {@code quotah-realm.json}, its data in a PostgreSQL database. Built once for
 * PostgreSQL ({@code kc.sh build}), then started optimized, which takes seconds instead of half a minute.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "quotah";

    /** Changes to these options need a new {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres");

    private final Process process;
    private final String url;
    private final Path log;

    private KeycloakServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * How to run it.
     *
     * @param repositoryHome the Quotah checkout (holds the distribution in {@code .quotah/keycloak})
     * @param publicUrl where the dashboard is served, for the realm's redirect URIs
     * @param adminPassword the bootstrap admin's password (a first start only)
     */
    public record Options(Path repositoryHome, int port, String databaseUrl, String databaseUser,
            String databasePassword, String clientSecret, String publicUrl, String adminPassword, Path log) {
    }

    public static KeycloakServer start(Options options) {
        Path server = distribution(options.repositoryHome());
        buildOnce(server, options.log());
        installRealm(server);
        String url = "http://localhost:" + options.port();
        List<String> command = new ArrayList<>(List.of(server.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--import-realm", "--http-enabled=true", "--http-port=" + options.port(),
                "--hostname=" + url, "--hostname-strict=false", "--db-url=" + options.databaseUrl(),
                "--db-username=" + options.databaseUser(), "--db-password=" + options.databasePassword()));
        Process process = launch(command, server, options, options.log());
        KeycloakServer keycloak = new KeycloakServer(process, url, options.log());
        keycloak.awaitRealm(Duration.ofMinutes(4));
        return keycloak;
    }

    /**
     * The unpacked distribution, e.g. {@code .quotah/keycloak/keycloak-26.5.6}: outside {@code target/}, so a
     * {@code mvn clean} does not throw away the optimized build.
     */
    static Path distribution(Path repositoryHome) {
        Path servers = repositoryHome.resolve(".quotah/keycloak");
        try (Stream<Path> found = Files.isDirectory(servers) ? Files.list(servers) : Stream.empty()) {
            return found.filter(dir -> Files.isExecutable(dir.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked in " + servers
                            + ": build first (mvn -DskipTests package)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void buildOnce(Path server, Path log) {
        Path marker = server.resolve(".quotah-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(server.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            Process build = new ProcessBuilder(command).directory(server.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.resolveSibling("keycloak-build.log").toFile()))
                    .start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log.resolveSibling("keycloak-build.log"));
            }
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
    }

    private static void installRealm(Path server) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/quotah-realm.json")) {
            Path imports = Files.createDirectories(server.resolve("data/import"));
            Files.copy(realm, imports.resolve("quotah-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process launch(List<String> command, Path server, Options options, Path log) {
        Path setsid = Path.of("/usr/bin/setsid");
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(setsid)) {
            full.add(setsid.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(server.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        // read by the realm file's placeholders at import
        env.put("QUOTAH_AUTH_CLIENT_SECRET", options.clientSecret());
        env.put("QUOTAH_PUBLIC_URL", options.publicUrl());
        // Keycloak sizes its heap from the machine's memory by default; a dev server needs little.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; the end of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            waitQuietly(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak did not serve the " + REALM + " realm within " + timeout.toSeconds()
                + " s; see " + log);
    }

    private void waitQuietly(Duration pause) {
        try {
            process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** E.g. {@code http://localhost:8180}. */
    public String url() {
        return url;
    }

    /** The realm's issuer, exactly as tokens carry it. */
    public String issuer() {
        return url + "/realms/" + REALM;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
