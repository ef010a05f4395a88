package io.quotah.poller.provider;

import java.time.Duration;

/** How a provider answered one call Quotah made with a customer's key. */
public sealed interface CallOutcome {

    /** The key works; {@code limits} is what the response's headers said (empty where none are sent). */
    record Accepted(LimitReading limits, String model) implements CallOutcome {
    }

    /** The provider refuses the key itself (401, 403): nothing will work until the customer changes it. */
    record Refused(int status, String reason) implements CallOutcome {
    }

    /** A rate limit bit: wait {@code retryAfter} (when said) and try again. */
    record RateLimited(Duration retryAfter, LimitReading limits, String reason) implements CallOutcome {
    }

    /**
     * Out of money or quota (a spend cap, {@code insufficient_quota}): not a rate limit, retrying will not help;
     * the customer must act.
     */
    record QuotaExhausted(String code, String reason) implements CallOutcome {
    }

    /** The provider failed (5xx, Anthropic's 529 overload), timed out or could not be reached. */
    record ProviderError(int status, String reason) implements CallOutcome {
    }
}
