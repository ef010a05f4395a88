package io.quotah.dev.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a key misbehaves. Each provider answers a fault with its own documented status and body. */
public enum FaultType {
    /** Behaves normally. */
    NONE,
    /** Answers 401 as if the key were revoked. */
    INVALID,
    /** Anthropic 529 overloaded_error, OpenAI 500 server_error. */
    SERVER_ERROR,
    /** Anthropic 529 overloaded_error, OpenAI 503. */
    OVERLOADED,
    /** Answers normally after {@code slowMillis}. */
    SLOW,
    /** Anthropic 429 with error_code enforced_spend_limit_reached and no retry-after; OpenAI 429 spend limit. */
    SPEND_CAP,
    /** OpenAI 429 insufficient_quota; Anthropic 400 credit balance too low. Not retryable. */
    INSUFFICIENT_QUOTA;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FaultType fromId(String id) {
        for (FaultType type : values()) {
            if (type.id().equals(id.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new ScenarioException("unknown fault type '" + id + "': use one of "
                + Arrays.stream(values()).map(FaultType::id).collect(Collectors.joining(", ")));
    }
}
