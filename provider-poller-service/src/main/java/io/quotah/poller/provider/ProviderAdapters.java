package io.quotah.poller.provider;

import io.quotah.contracts.events.Provider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The adapter for each provider Quotah can watch: every {@link ProviderAdapter} bean, one per provider folder
 * ({@code provider/anthropic}, {@code provider/openai}). A new provider is a new folder, nothing here.
 */
@Component
public class ProviderAdapters {

    private final Map<Provider, ProviderAdapter> adapters = new EnumMap<>(Provider.class);

    public ProviderAdapters(List<ProviderAdapter> adapters) {
        for (ProviderAdapter adapter : adapters) {
            ProviderAdapter before = this.adapters.put(adapter.provider(), adapter);
            if (before != null) {
                throw new IllegalStateException("two adapters for " + adapter.provider() + ": "
                        + before.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
    }

    /** Empty for a provider Quotah does not watch yet. */
    public Optional<ProviderAdapter> of(Provider provider) {
        return Optional.ofNullable(adapters.get(provider));
    }

    /** The providers Quotah watches, as a customer would choose among them: {@code ANTHROPIC or OPENAI}. */
    public String watched() {
        return adapters.keySet().stream().map(Provider::name).collect(Collectors.joining(" or "));
    }
}
