package io.quotah.poller.provider.anthropic;

import io.quotah.poller.provider.ProviderSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Anthropic answers ({@code QUOTAH_ANTHROPIC_BASE_URL}) and the model of the opt-in one-token probe.
 *
 * @param probeModel the cheapest model
 */
@ConfigurationProperties("quotah.poller.providers.anthropic")
public record AnthropicSettings(String baseUrl, String probeModel) {

    public AnthropicSettings {
        baseUrl = ProviderSettings.baseUrl(baseUrl, "https://api.anthropic.com");
        probeModel = ProviderSettings.orDefault(probeModel, "claude-haiku-4-5");
    }
}
