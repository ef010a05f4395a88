package io.quotah.poller.provider.openai;

import io.quotah.poller.provider.ProviderSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where OpenAI answers ({@code QUOTAH_OPENAI_BASE_URL}) and the model of the opt-in one-token probe.
 *
 * @param probeModel the cheapest model
 */
@ConfigurationProperties("quotah.poller.providers.openai")
public record OpenAiSettings(String baseUrl, String probeModel) {

    public OpenAiSettings {
        baseUrl = ProviderSettings.baseUrl(baseUrl, "https://api.openai.com");
        probeModel = ProviderSettings.orDefault(probeModel, "gpt-5-nano");
    }
}
