package io.quotah.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a transiently failed delivery is tried again: the wait doubles from the initial back-off up to the
 * cap, or is what the receiver asked for (Retry-After) when that is longer; a retry that would fall after
 * the window measured from the first attempt is not made.
 */
final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;

    RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * @param attempt the number of the attempt that just failed, 1 for the first
     * @param retryAfter what the receiver asked for, or null
     * @return when to try next, or empty when the retry window has closed
     */
    Optional<Instant> nextAttempt(int attempt, Instant firstAttemptAt, Instant now, Duration retryAfter) {
        Duration wait = backoff(attempt);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        return next.isAfter(firstAttemptAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    Duration backoff(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 40) {
            return maxBackoff;
        }
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    Duration giveUpAfter() {
        return giveUpAfter;
    }
}
