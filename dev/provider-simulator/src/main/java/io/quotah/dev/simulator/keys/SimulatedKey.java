package io.quotah.dev.simulator.keys;

import io.quotah.dev.simulator.bucket.BucketGroup;
import io.quotah.dev.simulator.bucket.LimitWindow;
import io.quotah.dev.simulator.scenario.Fault;
import io.quotah.dev.simulator.scenario.KeySpec;
import io.quotah.dev.simulator.scenario.ModelLimits;
import io.quotah.dev.simulator.scenario.Provider;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A key while the simulator runs: its spec, its buckets per model class, its current fault, its prompt cache. */
public final class SimulatedKey {

    private final KeySpec spec;
    private final Map<String, BucketGroup> limitsByClass;
    private final BucketGroup countTokensLimits;
    private final PromptCache promptCache = new PromptCache();
    private volatile Fault fault;

    SimulatedKey(KeySpec spec, Instant now) {
        this.spec = spec;
        Map<String, BucketGroup> groups = new LinkedHashMap<>();
        spec.limits().forEach((modelClass, limits) ->
                groups.put(modelClass, new BucketGroup(windows(spec.provider(), limits), now)));
        this.limitsByClass = Collections.unmodifiableMap(groups);
        // count_tokens has its own request limit, separate from Messages
        this.countTokensLimits = spec.countTokensRequestsPerMinute() == null ? null
                : new BucketGroup(Map.of(LimitWindow.REQUESTS_PER_MINUTE, spec.countTokensRequestsPerMinute()), now);
        this.fault = spec.fault();
    }

    private static Map<LimitWindow, Long> windows(Provider provider, ModelLimits limits) {
        Map<LimitWindow, Long> windows = new EnumMap<>(LimitWindow.class);
        windows.put(LimitWindow.REQUESTS_PER_MINUTE, limits.requestsPerMinute());
        switch (provider) {
            case ANTHROPIC -> {
                windows.put(LimitWindow.INPUT_TOKENS_PER_MINUTE, limits.inputTokensPerMinute());
                windows.put(LimitWindow.OUTPUT_TOKENS_PER_MINUTE, limits.outputTokensPerMinute());
            }
            case OPENAI -> {
                windows.put(LimitWindow.TOKENS_PER_MINUTE, limits.tokensPerMinute());
                if (limits.requestsPerDay() != null) {
                    windows.put(LimitWindow.REQUESTS_PER_DAY, limits.requestsPerDay());
                }
            }
        }
        return windows;
    }

    public KeySpec spec() {
        return spec;
    }

    public Provider provider() {
        return spec.provider();
    }

    public String key() {
        return spec.key();
    }

    public String id() {
        return spec.id();
    }

    /** The buckets of a model class, if this key has limits (and so access) for it. */
    public Optional<BucketGroup> limitsFor(String modelClass) {
        return Optional.ofNullable(limitsByClass.get(modelClass));
    }

    public Map<String, BucketGroup> limitsByClass() {
        return limitsByClass;
    }

    public Optional<BucketGroup> countTokensLimits() {
        return Optional.ofNullable(countTokensLimits);
    }

    public PromptCache promptCache() {
        return promptCache;
    }

    public Fault fault() {
        return fault;
    }

    public void fault(Fault fault) {
        this.fault = fault;
    }

    /** Every window of every class (and count_tokens) as if {@code usedPercent} had just been used. */
    public void drain(double usedPercent, Instant now) {
        limitsByClass.values().forEach(group -> group.drain(usedPercent, now));
        if (countTokensLimits != null) {
            countTokensLimits.drain(usedPercent, now);
        }
    }
}
