package io.quotah.dev.simulator.scenario;

/**
 * Traffic the simulator sends on a key by itself, so that buckets drain and refill and usage grows while
 * nobody calls it. {@code inputTokens} are uncached prompt tokens, {@code cachedInputTokens} cache reads.
 * With {@code wavePeriodMinutes > 0} the rate swings between zero and twice {@code requestsPerMinute} over
 * that period, so peaks can hit the limits and troughs let the buckets refill.
 */
public record BackgroundLoad(String model, double requestsPerMinute, long inputTokens, long cachedInputTokens,
                             long outputTokens, double wavePeriodMinutes) {

    public BackgroundLoad {
        if (model == null || model.isBlank()) {
            throw new ScenarioException("background.model is required");
        }
        if (requestsPerMinute < 0 || inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0
                || wavePeriodMinutes < 0) {
            throw new ScenarioException("background numbers must not be negative (model " + model + ")");
        }
        if (outputTokens == 0) {
            throw new ScenarioException("background.outputTokens must be positive (model " + model + ")");
        }
    }

    public static BackgroundLoad steady(String model, double requestsPerMinute, long inputTokens, long outputTokens) {
        return new BackgroundLoad(model, requestsPerMinute, inputTokens, 0, outputTokens, 0);
    }

    public BackgroundLoad withCachedInputTokens(long cached) {
        return new BackgroundLoad(model, requestsPerMinute, inputTokens, cached, outputTokens, wavePeriodMinutes);
    }

    public BackgroundLoad withWave(double periodMinutes) {
        return new BackgroundLoad(model, requestsPerMinute, inputTokens, cachedInputTokens, outputTokens, periodMinutes);
    }
}
