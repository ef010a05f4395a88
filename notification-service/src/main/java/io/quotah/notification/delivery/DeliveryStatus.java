package io.quotah.notification.delivery;

/** Where a delivery stands. Only PENDING ones are ever claimed and sent. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    SENT,
    /** Refused for good, or still failing when the retry window closed. */
    FAILED,
    /** Not sent: the recipient unsubscribed from the rule. */
    SUPPRESSED
}
