package io.quotah.poller.provider;

import io.quotah.contracts.events.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The adapter for each provider Quotah can watch. */
@Component
public class ProviderAdapters {

    private final Map<Provider, ProviderAdapter> adapters = new EnumMap<>(Provider.class);

    ProviderAdapters(ProviderSettings settings) {
        ProviderHttp http = new ProviderHttp(settings.connectTimeout(), settings.timeout());
        register(new AnthropicAdapter(http, settings.anthropicBaseUrl(), settings.anthropicProbeModel()));
        register(new OpenAiAdapter(http, settings.openAiBaseUrl(), settings.openAiProbeModel()));
    }

    private void register(ProviderAdapter adapter) {
        adapters.put(adapter.provider(), adapter);
    }

    /** Empty for a provider Quotah does not watch yet. */
    public Optional<ProviderAdapter> of(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }
}
