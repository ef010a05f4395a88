package io.quotah.dev.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-minute (and for OpenAI optionally per-day) limits of one model class on one key. Anthropic uses
 * requests, input tokens and output tokens per minute; OpenAI requests and tokens per minute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelLimits(Long requestsPerMinute, Long inputTokensPerMinute, Long outputTokensPerMinute,
                          Long tokensPerMinute, Long requestsPerDay, Long batchDayMaxInputTokens) {

    public ModelLimits {
        positiveOrAbsent("requestsPerMinute", requestsPerMinute);
        positiveOrAbsent("inputTokensPerMinute", inputTokensPerMinute);
        positiveOrAbsent("outputTokensPerMinute", outputTokensPerMinute);
        positiveOrAbsent("tokensPerMinute", tokensPerMinute);
        positiveOrAbsent("requestsPerDay", requestsPerDay);
        positiveOrAbsent("batchDayMaxInputTokens", batchDayMaxInputTokens);
    }

    public static ModelLimits anthropic(long requestsPerMinute, long inputTokensPerMinute, long outputTokensPerMinute) {
        return new ModelLimits(requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute, null, null, null);
    }

    public static ModelLimits openAi(long requestsPerMinute, long tokensPerMinute) {
        return new ModelLimits(requestsPerMinute, null, null, tokensPerMinute, null, null);
    }

    public ModelLimits withRequestsPerDay(long perDay) {
        return new ModelLimits(requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute, tokensPerMinute,
                perDay, batchDayMaxInputTokens);
    }

    public ModelLimits withBatchDayMaxInputTokens(long tokens) {
        return new ModelLimits(requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute, tokensPerMinute,
                requestsPerDay, tokens);
    }

    void validateFor(Provider provider, String where) {
        require(requestsPerMinute, where + ".requestsPerMinute");
        switch (provider) {
            case ANTHROPIC -> {
                require(inputTokensPerMinute, where + ".inputTokensPerMinute");
                require(outputTokensPerMinute, where + ".outputTokensPerMinute");
                forbid(tokensPerMinute, where + ".tokensPerMinute", "Anthropic limits input and output tokens");
                forbid(requestsPerDay, where + ".requestsPerDay", "Anthropic has no daily request limit");
            }
            case OPENAI -> {
                require(tokensPerMinute, where + ".tokensPerMinute");
                forbid(inputTokensPerMinute, where + ".inputTokensPerMinute", "OpenAI limits total tokens");
                forbid(outputTokensPerMinute, where + ".outputTokensPerMinute", "OpenAI limits total tokens");
            }
        }
    }

    private static void positiveOrAbsent(String name, Long value) {
        if (value != null && value <= 0) {
            throw new ScenarioException(name + " must be positive: " + value);
        }
    }

    private static void require(Long value, String where) {
        if (value == null) {
            throw new ScenarioException(where + " is required");
        }
    }

    private static void forbid(Long value, String where, String why) {
        if (value != null) {
            throw new ScenarioException(where + " does not apply: " + why);
        }
    }
}
