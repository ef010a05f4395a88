package io.quotah.alert.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * alert-service's settings ({@code quotah.alert.*}).
 *
 * @param allowHttpLocalhost whether a webhook may be plain http to this machine; true for development only
 * @param forecastLookback readings this recent make a window's burn rate (as analytics computes it)
 * @param timedPass how often the pass for what time alone changes runs (stale keys, forecasts, ended periods)
 * @param staleFloor a key is stale after three polling intervals, and never sooner than this
 */
@ConfigurationProperties("quotah.alert")
public record AlertSettings(
        @DefaultValue("true") boolean allowHttpLocalhost,
        @DefaultValue("5m") Duration forecastLookback,
        @DefaultValue("30s") Duration timedPass,
        @DefaultValue("3m") Duration staleFloor) {
}
