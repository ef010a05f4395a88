package io.quotah.notification.delivery;

import java.time.Duration;

/** What one attempt to send a delivery came to; the worker turns it into the delivery's next state. */
public sealed interface Outcome {

    static Outcome sent() {
        return new Sent();
    }

    /** The receiver was down, slow or busy: try again after the back-off. */
    static Outcome retryLater(String reason) {
        return new TransientFailure(reason, null);
    }

    /** The receiver was busy and said when to come back (Retry-After); {@code retryAfter} may be null. */
    static Outcome retryLater(String reason, Duration retryAfter) {
        return new TransientFailure(reason, retryAfter);
    }

    /** Trying again would fail the same way: a refused address, a URL Quotah will not call, a 4xx. */
    static Outcome failed(String reason) {
        return new PermanentFailure(reason);
    }

    /**
     * What an HTTP answer means for a delivery: 2xx sent; 408, 429 and 5xx worth retrying (after
     * {@code retryAfter} if the receiver said so); anything else refused for good.
     *
     * @param detail what the receiver said, for the delivery log (never a URL or a secret)
     */
    static Outcome ofHttpStatus(int status, Duration retryAfter, String detail) {
        String reason = "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (status >= 200 && status < 300) {
            return sent();
        }
        if (status == 408 || status == 429 || status >= 500) {
            return retryLater(reason, retryAfter);
        }
        if (status >= 300 && status < 400) {
            return failed(reason + " (redirects are not followed)");
        }
        return failed(reason);
    }

    record Sent() implements Outcome {
    }

    record TransientFailure(String reason, Duration retryAfter) implements Outcome {
    }

    record PermanentFailure(String reason) implements Outcome {
    }
}
