package io.quotah.testkit;

import io.quotah.dev.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The quotah realm on a real Keycloak, for tests: one named by {@code QUOTAH_KEYCLOAK_URL} (with
 * {@code QUOTAH_AUTH_CLIENT_SECRET}); else, in a run of {@code ./quotah test}, the run's one shared Keycloak;
 * else one started from the distribution the build unpacked, on a free port with a fresh database, once per JVM.
 *
 * @param url e.g. {@code http://localhost:8180}
 * @param clientSecret the secret of auth-service's confidential client {@code quotah-auth}
 * @param adminPassword the master realm admin's password, when the test kit started this Keycloak; else null
 */
public record KeycloakRealm(String url, String clientSecret, String adminPassword, String source) {

    public String issuer() {
        return url + "/realms/" + KeycloakServer.REALM;
    }

    static KeycloakRealm resolve() {
        String url = Infrastructure.env("QUOTAH_KEYCLOAK_URL");
        if (url != null) {
            String secret = Infrastructure.env("QUOTAH_AUTH_CLIENT_SECRET");
            if (secret == null) {
                throw new InfrastructureUnavailableException(
                        "QUOTAH_KEYCLOAK_URL is set but QUOTAH_AUTH_CLIENT_SECRET is not: name the quotah-auth "
                                + "client's secret too.", null);
            }
            return announce(new KeycloakRealm(url, secret, Infrastructure.env("QUOTAH_KEYCLOAK_ADMIN_PASSWORD"),
                    "QUOTAH_KEYCLOAK_URL (" + url + ")"));
        }
        PostgresServer postgres = Infrastructure.postgres();
        String run = Infrastructure.env("QUOTAH_TEST_RUN");
        if (run != null && postgres.outlivesThisJvm()) {
            try {
                return announce(new SharedKeycloak(repositoryHome(), postgres).forRun(run, repositoryHome(),
                        KeycloakRealm::freePortOrFail));
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }
        PostgresServer.Database database = postgres.createDatabase("quotah_it_keycloak");
        String secret = "test-only-" + UUID.randomUUID();
        String adminPassword = "test-only-" + UUID.randomUUID();
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("keycloak-it.log").toAbsolutePath();
            KeycloakServer server = KeycloakServer.start(new KeycloakServer.Options(repositoryHome(), freePort(),
                    database.url(), database.user(), database.password(), secret, "http://localhost:8080",
                    adminPassword, log));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
            return announce(new KeycloakRealm(server.url(), secret, adminPassword,
                    "a Keycloak started from dev/keycloak"));
        } catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static InfrastructureUnavailableException unavailable(Exception e) {
        return new InfrastructureUnavailableException("""
                No Keycloak for the tests: %s
                Build the distribution first (mvn -DskipTests package unpacks it into .quotah/keycloak),
                or name a running one: QUOTAH_KEYCLOAK_URL=http://localhost:8180 with QUOTAH_AUTH_CLIENT_SECRET."""
                .formatted(e.getMessage()), e);
    }

    /** The checkout: the nearest folder up from here that holds {@code dev/keycloak}. */
    private static Path repositoryHome() {
        String named = System.getProperty("quotah.home");
        if (named != null) {
            return Path.of(named).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("dev/keycloak"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Quotah checkout above " + Path.of("").toAbsolutePath());
    }

    private static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static KeycloakRealm announce(KeycloakRealm realm) {
        Infrastructure.log.info("Quotah testkit: Keycloak from {}", realm.source());
        return realm;
    }
}
