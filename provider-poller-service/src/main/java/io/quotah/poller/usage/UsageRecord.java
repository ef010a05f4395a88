package io.quotah.poller.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One usage record of a customer's own. Every count is a whole number from 0 to {@value #MAX_COUNT} (a
 * trillion), so no sum of them downstream can overflow; absent counts are 0, absent {@code requests} is 1.
 *
 * @param id the customer's name for the record: the same id sent again is the same event
 * @param keyId a key of the caller's workspace (checked by {@link UsageIngest})
 * @param reasoningTokens part of {@code outputTokens}, not beside them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UsageRecord(
        @NotBlank(message = REQUIRED) @Size(max = 200, message = "is longer than {max} characters") String id,
        @NotBlank(message = REQUIRED) @Size(max = 36, message = "is longer than {max} characters") String keyId,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = "is longer than {max} characters") String model,
        @NotNull(message = "is required: an ISO-8601 instant") Instant occurredAt,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long requests,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long inputTokens,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long outputTokens,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long cacheWrite5mTokens,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long cacheWrite1hTokens,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long cacheReadTokens,
        @Min(value = 0, message = COUNT) @Max(value = MAX_COUNT, message = COUNT) Long reasoningTokens,
        @Pattern(regexp = TIERS, message = "must be one of standard, priority, batch, flex, default, scale")
        String serviceTier) {

    /** A trillion: far above any real bucket, far below where a sum of a few thousand of them overflows. */
    static final long MAX_COUNT = 1_000_000_000_000L;
    static final String COUNT = "must be a whole number from 0 to 1000000000000";
    static final String REQUIRED = "is required";
    static final String TIERS = "standard|priority|batch|flex|default|scale";
}
