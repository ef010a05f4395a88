package io.quotah.poller.connections;

/** How a watched key stands, as the API Keys page shows it. */
public enum ConnectionStatus {
    /** Added; the first poll has not answered yet. */
    PENDING,
    HEALTHY,
    /** The provider refuses the key; {@code statusReason} has its words. */
    INVALID,
    RATE_LIMITED,
    /** The provider failed, timed out, or the account is out of quota (not retryable: see the reason). */
    PROVIDER_ERROR,
    /** Nothing succeeded for three polling intervals. Worked out when read, never stored. */
    STALE
}
