package io.quotah.poller.observations;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * What the customer's own code saw of one provider response.
 *
 * @param headers the response's headers, name to value (names in any case)
 * @param model the model the request used, when known: limits are per model class
 * @param observedAt when the response arrived; now when absent
 * @param usage the response's {@code usage} object, as the provider sent it
 */
record Observation(
        @Size(max = 200, message = "are too many (at most 200)") Map<String, String> headers,
        @Size(max = 200, message = "is too long") String model,
        Instant observedAt,
        Map<String, Object> usage) {
}
