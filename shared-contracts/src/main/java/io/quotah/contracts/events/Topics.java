package io.quotah.contracts.events;

/**
 * Topic names, as compile-time constants so listeners can name them in annotations. A breaking change
 * to an event gets a new suffix ({@code .v2}); an additive change is a new optional field.
 */
public final class Topics {

    public static final String RATE_LIMIT_SNAPSHOTS = "quotah.ratelimit.snapshots.v1";
    public static final String USAGE_EVENTS = "quotah.usage.events.v1";
    public static final String CONNECTIONS = "quotah.connections.v1";
    public static final String ALERTS = "quotah.alerts.v1";
    public static final String USERS = "quotah.users.v1";

    /** Where a consumer parks a record it could not handle after its retries. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
