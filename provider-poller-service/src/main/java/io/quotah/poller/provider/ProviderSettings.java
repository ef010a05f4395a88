package io.quotah.poller.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each provider answers and how long to wait for it. {@code ./quotah up} and the tests point the base
 * URLs at the provider simulator.
 */
@ConfigurationProperties("quotah.poller.providers")
public record ProviderSettings(
        @DefaultValue Endpoint anthropic,
        @DefaultValue Endpoint openai,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout) {

    /**
     * @param probeModel the cheapest model, for the opt-in one-token probe
     */
    public record Endpoint(String baseUrl, String probeModel) {
    }

    String anthropicBaseUrl() {
        return orDefault(anthropic.baseUrl(), "https://api.anthropic.com");
    }

    String anthropicProbeModel() {
        return orDefault(anthropic.probeModel(), "claude-haiku-4-5");
    }

    String openAiBaseUrl() {
        return orDefault(openai.baseUrl(), "https://api.openai.com");
    }

    String openAiProbeModel() {
        return orDefault(openai.probeModel(), "gpt-5-nano");
    }

    private static String orDefault(String value, String fallback) {
        String chosen = value == null || value.isBlank() ? fallback : value;
        return chosen.endsWith("/") ? chosen.substring(0, chosen.length() - 1) : chosen;
    }
}
