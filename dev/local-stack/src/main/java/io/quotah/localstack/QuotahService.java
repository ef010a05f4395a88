package io.quotah.localstack;

/**
 * The services `./quotah up` runs: module, port and database, with the environment variable that moves
 * each. The same names are in each service's application.yml and in the README's table.
 */
enum QuotahService {

    GATEWAY("gateway-service", "GATEWAY", 8080, null),
    AUTH("auth-service", "AUTH", 8081, "auth"),
    PROVIDER_POLLER("provider-poller-service", "POLLER", 8082, "poller"),
    ANALYTICS("analytics-service", "ANALYTICS", 8083, "analytics"),
    ALERT("alert-service", "ALERT", 8084, "alert"),
    NOTIFICATION("notification-service", "NOTIFICATION", 8085, "notification");

    private final String module;
    private final String envKey;
    private final int defaultPort;
    private final String database;


    QuotahService(String module, String envKey, int defaultPort, String database) {
        this.module = module;
        this.envKey = envKey;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    String module() {
        return module;
    }

    /** The database it owns, e.g. {@code quotah_analytics}, or null (the gateway keeps no state but Redis counters). */
    String database() {
        return database == null ? null : Databases.name(database);
    }

    String portVariable() {
        return "QUOTAH_" + envKey + "_PORT";
    }

    String databaseUrlVariable() {
        return "QUOTAH_" + envKey + "_DB_URL";
    }

    /** What the gateway is told to find this service at. */
    String urlVariable() {
        return "QUOTAH_" + envKey + "_URL";
    }

    int port() {
        return Settings.port(portVariable(), defaultPort);
    }

    String baseUrl() {
        return "http://localhost:" + port();
    }

    String readinessUrl() {
        return "http://127.0.0.1:" + port() + "/actuator/health/readiness";
    }
}
