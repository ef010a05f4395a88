package io.quotah.dev.simulator.bucket;

import java.time.Duration;

/** A kind of limit: what it counts and over which period its bucket refills completely. */
public enum LimitWindow {
    REQUESTS_PER_MINUTE("requests_per_minute", Duration.ofMinutes(1)),
    INPUT_TOKENS_PER_MINUTE("input_tokens_per_minute", Duration.ofMinutes(1)),
    OUTPUT_TOKENS_PER_MINUTE("output_tokens_per_minute", Duration.ofMinutes(1)),
    TOKENS_PER_MINUTE("tokens_per_minute", Duration.ofMinutes(1)),
    REQUESTS_PER_DAY("requests_per_day", Duration.ofDays(1));

    private final String id;
    private final Duration period;

    LimitWindow(String id, Duration period) {
        this.id = id;
        this.period = period;
    }

    /** The name the providers' Admin APIs use, e.g. {@code input_tokens_per_minute}. */
    public String id() {
        return id;
    }

    public Duration period() {
        return period;
    }

    public long demandOf(Charge charge) {
        return switch (this) {
            case REQUESTS_PER_MINUTE, REQUESTS_PER_DAY -> charge.requests();
            case INPUT_TOKENS_PER_MINUTE -> charge.inputTokens();
            case OUTPUT_TOKENS_PER_MINUTE -> charge.outputTokens();
            case TOKENS_PER_MINUTE -> charge.inputTokens() + charge.outputTokens();
        };
    }
}
