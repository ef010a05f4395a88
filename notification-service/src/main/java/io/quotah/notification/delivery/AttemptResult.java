package io.quotah.notification.delivery;

/** How one attempt ended. */
public enum AttemptResult {
    SENT,
    /** Retried after a back-off, unless the retry window had closed. */
    TRANSIENT_ERROR,
    /** Not retried. */
    PERMANENT_ERROR
}
