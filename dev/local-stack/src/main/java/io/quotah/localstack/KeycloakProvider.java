package io.quotah.localstack;

import io.quotah.dev.keycloak.KeycloakServer;

/**
 * Keycloak for the stack: one named by {@code QUOTAH_KEYCLOAK_URL} (with {@code QUOTAH_AUTH_CLIENT_SECRET}),
 * else the distribution the build unpacked, with its data in the {@code <prefix>_keycloak} database. The
 * client secret and the admin password are made once per checkout and kept in {@code .quotah/secrets/}:
 * demo credentials for a local stack, never for a real deployment.
 */
final class KeycloakProvider implements AutoCloseable {

    static final String PORT_VARIABLE = "QUOTAH_KEYCLOAK_PORT";

    private final String url;
    private final String clientSecret;
    private final String origin;
    private final KeycloakServer server;

    private KeycloakProvider(String url, String clientSecret, String origin, KeycloakServer server) {
        this.url = url;
        this.clientSecret = clientSecret;
        this.origin = origin;
        this.server = server;
    }

    static boolean startsKeycloak() {
        return Settings.get("QUOTAH_KEYCLOAK_URL") == null;
    }

    static int port() {
        return Settings.port(PORT_VARIABLE, 8180);
    }

    /** Where Keycloak will answer, known before it does, so services can start alongside it. */
    static String expectedUrl() {
        return Settings.get("QUOTAH_KEYCLOAK_URL", "http://localhost:" + port());
    }

    static String expectedClientSecret(StackLayout layout) {
        return startsKeycloak() ? LocalSecrets.text(layout, "auth-client-secret") : Settings.get("QUOTAH_AUTH_CLIENT_SECRET");
    }

    static KeycloakProvider findOrStart(StackLayout layout, PostgresProvider postgres, String publicUrl) {
        String named = Settings.get("QUOTAH_KEYCLOAK_URL");
        if (named != null) {
            String secret = Settings.get("QUOTAH_AUTH_CLIENT_SECRET");
            if (secret == null) {
                throw new StackException("QUOTAH_KEYCLOAK_URL is set: set QUOTAH_AUTH_CLIENT_SECRET to the secret of "
                        + "its quotah-auth client too.");
            }
            return new KeycloakProvider(named, secret, "yours (QUOTAH_KEYCLOAK_URL)", null);
        }
        String database = Databases.name("keycloak");
        if (!LocalSecrets.exists(layout, "auth-client-secret")) {
            // Keycloak imports the realm (with this checkout's secrets) only into an empty database: one left by
            // another checkout, or by a .quotah/ that was deleted, holds secrets nobody here knows.
            if (postgres.dropDatabase(database)) {
                System.out.println("  Keycloak   its database held another checkout's realm: made it anew "
                        + "(accounts in it are gone)");
            }
        }
        postgres.createDatabases(java.util.List.of(database));
        String secret = LocalSecrets.text(layout, "auth-client-secret");
        try {
            KeycloakServer server = KeycloakServer.start(new KeycloakServer.Options(layout.home(), port(),
                    postgres.urlOf(database), postgres.user(), postgres.password(), secret, publicUrl,
                    LocalSecrets.text(layout, "keycloak-admin-password"), layout.logs().resolve("keycloak.log")));
            return new KeycloakProvider(server.url(), secret, "started by quotah", server);
        } catch (RuntimeException e) {
            throw new StackException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    String url() {
        return url;
    }

    String clientSecret() {
        return clientSecret;
    }

    String origin() {
        return origin;
    }

    long pid() {
        return server == null ? 0 : server.pid();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
