package io.quotah.dev.simulator.control;

import io.quotah.dev.simulator.bucket.BucketState;
import io.quotah.dev.simulator.bucket.LimitWindow;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.Provider;
import java.util.Map;

/** A key's buckets at one instant: per model class and window, plus count_tokens' own (Anthropic only). */
public record KeyState(Provider provider, String key, String id, String name, Fault fault,
                       Map<String, Map<LimitWindow, BucketState>> limits, Map<LimitWindow, BucketState> countTokens) {

    /** The state of one window of one model class. */
    public BucketState bucket(String modelClass, LimitWindow window) {
        Map<LimitWindow, BucketState> windows = limits.get(modelClass);
        if (windows == null || !windows.containsKey(window)) {
            throw new IllegalArgumentException("key " + id + " has no " + window.id() + " limit for " + modelClass);
        }
        return windows.get(window);
    }
}
