package io.quotah.poller.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long to wait for any provider. Where each provider answers is its own folder's settings
 * ({@code quotah.poller.providers.<provider>.*}); {@code ./quotah up} and the tests point those at the provider
 * simulator.
 */
@ConfigurationProperties("quotah.poller.providers")
public record ProviderSettings(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration timeout) {

    /** A configured base URL, or the provider's own when none is set; never with a trailing slash. */
    public static String baseUrl(String configured, String fallback) {
        String chosen = configured == null || configured.isBlank() ? fallback : configured;
        return chosen.endsWith("/") ? chosen.substring(0, chosen.length() - 1) : chosen;
    }

    /** A configured value, or the fallback when none is set. */
    public static String orDefault(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
