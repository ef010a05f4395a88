package io.quotah.poller.provider;

import io.quotah.contracts.events.RateLimitWindow;
import java.util.List;

/**
 * Limits as configured for a group of models, from a provider's Admin API: limits only, since remaining
 * capacity exists only in response headers.
 *
 * @param model the group's name, e.g. its first model or the provider's group id
 */
public record ConfiguredLimits(String model, List<RateLimitWindow> windows) {

    public ConfiguredLimits {
        windows = List.copyOf(windows);
    }
}
